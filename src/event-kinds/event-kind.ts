import type { Channel } from '../events/channels.js';
import type { Envelope } from '../events/envelope-schema.js';
import type { SeverityLabel } from '../events/severity.js';
import type { Finding } from '../findings/finding.js';
import type { Json } from '../findings/values.js';
import type { EventPattern } from './event-pattern.js';

/** What reading an event's `detail` gives: findings, or why it is rejected. */
export type DetailResult =
  | { readonly ok: true; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly reason: string };

/**
 * A bare finding of this kind as people save it (API output), and how to put
 * it in the envelope EventBridge would deliver it in.
 */
export type BareFinding = {
  /** Shown in replay output: `ASFF finding`. */
  readonly name: string;
  readonly is: (value: Json) => boolean;
  readonly wrap: (finding: Json) => Json;
};

/**
 * Everything the notifier knows about one kind of EventBridge event, in one
 * place: the parser dispatches on it, the infrastructure deploys one rule
 * per kind from it, and the tests read its samples.
 */
export type EventKind = {
  /** Stable id of the kind's rule: CDK construct id and SAM event name. */
  readonly id: string;
  /** The rule's description. */
  readonly description: string;
  readonly source: string;
  readonly detailType: string;
  /** The channel its findings arrive on (config `source` condition). */
  readonly channel: Channel;
  /** Validates and normalizes the event's `detail`. */
  readonly read: (envelope: Envelope) => DetailResult;
  /** Folders holding sample events of this kind. */
  readonly samples: {
    /** Under `events/`, shipped with the project. */
    readonly events: readonly string[];
    /** Under `../shared/corpus/`, when present. */
    readonly corpus: readonly string[];
  };
  /**
   * The `detail` part of an EventBridge pattern that lets through only
   * events whose findings may carry one of these labels, for kinds where the
   * label the function computes is provably the one the event carries (see
   * `infra/pre-filter.ts`). Kinds without it are never narrowed.
   */
  readonly severityDetailPattern?: (
    labels: readonly SeverityLabel[]
  ) => EventPattern;
  /** Bare findings of this kind that replay wraps in an envelope. */
  readonly bare?: BareFinding;
};
