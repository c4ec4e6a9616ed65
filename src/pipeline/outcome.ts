import type { AcknowledgeResult } from '../acknowledge/acknowledger.js';
import type { Variant } from '../dedup/variant.js';
import type { EventMeta } from '../event-kinds/parse-event.js';
import type { RejectedItem } from '../events/each-item.js';
import type { FindingType, Severity } from '../findings/finding.js';
import type { OutgoingMessage } from '../publish/publisher.js';

/** Which digest message a finding was counted in. */
export type DigestRef = {
  readonly id: string;
  /** 1-based; `parts` messages make the digest. */
  readonly part: number;
  readonly parts: number;
  /** Findings counted in this message. */
  readonly findings: number;
};

/** The burst digest a held finding waits for (buffered mode). */
export type HeldRef = {
  /** `<route>@<close time>`. */
  readonly burst: string;
  /** When the burst closes (ISO 8601). */
  readonly until: string;
};

/** What happened to a finding on one route. */
export type Delivery = {
  readonly route: string;
  readonly topicArn: string;
  readonly format: string;
  /** `held`: on the queue for its burst's digest (its claim confirmed). */
  readonly outcome: 'published' | 'held' | 'duplicate' | 'failed';
  readonly variant?: Variant;
  readonly reason?: string;
  readonly messageId?: string;
  /** The message exactly as passed to SNS (published and failed deliveries). */
  readonly message?: OutgoingMessage;
  /** For failed deliveries: the SNS (or claim) error code. */
  readonly errorCode?: string;
  /** For failed deliveries: whether a retry may succeed. */
  readonly retryable?: boolean;
  /** The digest message this finding was counted in (a burst). */
  readonly digest?: DigestRef;
  /** The burst digest a held finding waits for. */
  readonly held?: HeldRef;
};

export type FindingOutcomeKind =
  | 'published'
  | 'held'
  | 'filtered'
  | 'suppressed'
  | 'duplicate'
  | 'failed';

/** What happened to one finding, across its routes. */
export type FindingReport = {
  readonly findingId: string;
  readonly product: string;
  readonly type: FindingType;
  readonly title: string;
  readonly resource: string;
  readonly severity: Severity;
  readonly lifecycle: string;
  readonly outcome: FindingOutcomeKind;
  readonly reason: string;
  readonly deliveries: readonly Delivery[];
};

/** What happened to one event. */
export type EventReport = {
  readonly meta: EventMeta;
  readonly outcome: 'processed' | 'ignored' | 'rejected';
  readonly reason?: string;
  readonly findings: readonly FindingReport[];
  /** Security Hub acknowledgements made after publishing, per route. */
  readonly acknowledgements?: readonly AcknowledgeResult[];
  /** Findings of a processed event rejected on their own (bad schema), with their paths. */
  readonly rejected?: readonly RejectedItem[];
};

/** A finding's outcome from its deliveries: any failure wins, then any publish. */
export const summarize = (
  deliveries: readonly Delivery[]
): { outcome: FindingOutcomeKind; reason: string } => {
  const failed = deliveries.filter((delivery) => delivery.outcome === 'failed');
  if (failed.length > 0) {
    return {
      outcome: 'failed',
      reason: failed
        .map((delivery) => `${delivery.route}: ${delivery.reason}`)
        .join('; '),
    };
  }
  const published = deliveries.filter(
    (delivery) => delivery.outcome === 'published'
  );
  if (published.length > 0) {
    return {
      outcome: 'published',
      reason: `published to ${published.map((delivery) => delivery.route).join(', ')}`,
    };
  }
  const held = deliveries.filter((delivery) => delivery.outcome === 'held');
  if (held.length > 0) {
    return {
      outcome: 'held',
      reason: `held for the burst digest of ${held.map((delivery) => delivery.held?.burst ?? delivery.route).join(', ')}`,
    };
  }
  return {
    outcome: 'duplicate',
    reason: deliveries
      .map((delivery) => `${delivery.route}: ${delivery.reason}`)
      .join('; '),
  };
};
