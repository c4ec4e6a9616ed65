import type { Variant } from '../dedup/variant.js';
import type { FindingSeverityLabel } from '../events/severity.js';
import type { Finding } from '../findings/finding.js';

/**
 * How much a formatter may say: `full` normally; `compact` and `minimal`
 * when the full message does not fit SNS's 256 KiB (see `sns-size.ts`).
 */
export type DetailLevel = 'full' | 'compact' | 'minimal';

export type RenderContext = {
  readonly route: string;
  readonly variant: Variant;
  /** The severity announced before, for escalations. */
  readonly previousSeverity?: FindingSeverityLabel;
  /** @default 'full' */
  readonly detail?: DetailLevel;
};

/** A message ready for SNS `Publish`. */
export type RenderedMessage = {
  /** SNS `Subject`: ASCII, at most 99 characters, no line breaks. */
  readonly subject: string;
  /** SNS `Message`, exactly as published. */
  readonly body: string;
  /** `json` when `body` holds per-protocol bodies (SNS `MessageStructure`). */
  readonly structure?: 'json';
};

export type Formatter = (
  finding: Finding,
  context: RenderContext
) => RenderedMessage;
