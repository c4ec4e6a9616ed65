import type { EventReport } from '../pipeline/outcome.js';
import type { ReplayInput } from './read-inputs.js';

/** Where a replayed input came from: its file, index and what wrapped it. */
export const inputWhere = (input: ReplayInput) => ({
  file: input.file,
  index: input.index,
  ...('wrapped' in input && input.wrapped ? { wrapped: input.wrapped } : {}),
});

/** The report of an input that could not be read as an event. */
export const unreadableReport = (reason: string): EventReport => ({
  meta: {},
  outcome: 'rejected',
  reason,
  findings: [],
});
