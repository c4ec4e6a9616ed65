/** Outcomes counted as metrics, per finding and route (or per event). */
export const DECISION_OUTCOMES = [
  'published',
  'held',
  'duplicate',
  'filtered',
  'suppressed',
  'ignored',
  'rejected',
  'failed',
] as const;

export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/**
 * One decision the notifier made: about an event (ignored, rejected), a
 * finding (filtered, suppressed) or a finding on a route (published,
 * held for its burst's digest, duplicate, failed). Every log line and metric is made from these.
 */
export type Decision = {
  readonly outcome: DecisionOutcome;
  readonly eventId?: string;
  readonly findingId?: string;
  readonly route?: string;
  readonly severity?: string;
  /** The finding title: the only finding text logged at INFO. */
  readonly title?: string;
  readonly reason?: string;
  /** For a finding rejected on its own: where it is in the event. */
  readonly path?: string;
  readonly messageId?: string;
  /** For failed deliveries: the SNS (or claim) error code. */
  readonly errorCode?: string;
  readonly retryable?: boolean;
};
