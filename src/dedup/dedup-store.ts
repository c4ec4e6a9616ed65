import type { Lifecycle } from '../findings/finding.js';
import type { FindingSeverityLabel } from '../findings/severity.js';
import type { Variant } from '../format/render.js';

/** The material state of a finding: what an announcement is about. */
export type AnnouncedState = {
  readonly severity: FindingSeverityLabel;
  readonly lifecycle: Lifecycle;
  /** Equal fingerprints mean "nothing a reader would care about changed". */
  readonly fingerprint: string;
};

export type ClaimRequest = {
  /** Route + finding identity. */
  readonly key: string;
  readonly state: AnnouncedState;
  readonly now: Date;
  readonly windowMs: number;
};

export type ClaimResult =
  | {
      readonly kind: 'claimed';
      readonly token: string;
      readonly variant: Variant;
      readonly previous?: AnnouncedState;
    }
  | { readonly kind: 'duplicate'; readonly reason: string };

/**
 * Remembers what was announced per route and finding. A claim reserves the
 * right to announce one state; `confirm` records it after a successful
 * publish, `release` gives it back after a failed one.
 */
export interface DedupStore {
  claim(request: ClaimRequest): Promise<ClaimResult>;
  confirm(key: string, token: string, now: Date): Promise<void>;
  release(key: string, token: string): Promise<void>;
}
