import type { FindingSeverityLabel } from '../events/severity.js';
import type { Lifecycle } from '../findings/finding.js';
import type { Variant } from './variant.js';

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
  /** Same state inside this window is a duplicate. */
  readonly windowMs: number;
  /** The route announces resolutions of findings it announced. */
  readonly announceResolutions: boolean;
};

export type ClaimResult =
  | {
      readonly kind: 'claimed';
      readonly token: string;
      readonly variant: Variant;
      readonly previous?: AnnouncedState;
    }
  | { readonly kind: 'duplicate'; readonly reason: string }
  /**
   * Another invocation holds an unexpired claim on this key. Not a
   * duplicate: if the holder fails and releases, this state must still be
   * announced, so the caller waits or has the event retried.
   */
  | { readonly kind: 'busy'; readonly reason: string };

/** How long an unconfirmed claim blocks others by default: 45 s. */
export const DEFAULT_LEASE_MS = 45_000;

/**
 * Remembers what was announced per route and finding. A claim reserves the
 * right to announce one state; `confirm` records it after a successful
 * publish, `release` gives it back after a failed one. A claim that is
 * neither confirmed nor released (crashed invocation) stops blocking when
 * its lease ends. `confirm` returns false when the claim was no longer held
 * (its lease ended and another invocation took it over).
 */
export interface DedupStore {
  claim(request: ClaimRequest): Promise<ClaimResult>;
  confirm(key: string, token: string, now: Date): Promise<boolean>;
  release(key: string, token: string): Promise<void>;
}
