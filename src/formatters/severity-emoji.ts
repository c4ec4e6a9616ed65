import type { FindingSeverityLabel } from '../events/severity.js';

/** The Slack emoji a message or digest line shows for a severity. */
export const SEVERITY_EMOJI = {
  CRITICAL: ':red_circle:',
  HIGH: ':large_orange_circle:',
  MEDIUM: ':large_yellow_circle:',
  LOW: ':large_blue_circle:',
  INFORMATIONAL: ':white_circle:',
  UNTRIAGED: ':grey_question:',
} as const satisfies Record<FindingSeverityLabel, string>;
