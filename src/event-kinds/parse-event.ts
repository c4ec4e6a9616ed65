import type { RejectedItem } from '../events/each-item.js';
import { describeIssues } from '../events/issue-path.js';
import { MAX_NESTING, tooDeepAt } from '../events/nesting.js';
import { safeParse } from '../events/safe-parse.js';
import type { Finding } from '../findings/finding.js';
import { isObject } from '../findings/values.js';
import type { EventKind } from './event-kind.js';
import { EVENT_KINDS } from './registry.js';

/** What identifies an event in outcomes and logs. */
export type EventMeta = {
  readonly eventId?: string;
  readonly source?: string;
  readonly detailType?: string;
  readonly account?: string;
  readonly region?: string;
};

/** The result of reading one EventBridge event: never throws. */
export type ParsedEvent =
  | {
      readonly kind: 'findings';
      readonly meta: EventMeta;
      readonly findings: readonly Finding[];
      /** Findings of the event rejected on their own, each with its path. */
      readonly rejected?: readonly RejectedItem[];
    }
  | {
      readonly kind: 'ignored';
      readonly meta: EventMeta;
      readonly reason: string;
    }
  | {
      readonly kind: 'rejected';
      readonly meta: EventMeta;
      readonly reason: string;
    };

/** `"source" / "detail-type"` pairs handled, for docs and messages. */
export const handledEventKinds = (
  kinds: readonly EventKind[] = EVENT_KINDS
): { source: string; detailType: string }[] =>
  kinds.map(({ source, detailType }) => ({ source, detailType }));

const metaOf = (raw: unknown): EventMeta => {
  if (typeof raw !== 'object' || raw === null) return {};
  const record = raw as Record<string, unknown>;
  const text = (key: string) =>
    typeof record[key] === 'string' ? (record[key] as string) : undefined;
  return {
    eventId: text('id'),
    source: text('source'),
    detailType: text('detail-type'),
    account: text('account'),
    region: text('region'),
  };
};

/**
 * Names inputs that are not EventBridge events but are known to reach the
 * function or the replay: SNS deliveries and messages of Inspector Classic,
 * and bare OCSF findings. They are ignored with a reason saying what they
 * are, not rejected as broken events. Anything with an envelope key is left
 * to the envelope schema.
 */
const notAnEventBridgeEvent = (
  record: Record<string, unknown>
): string | undefined => {
  if ('source' in record || 'detail-type' in record || 'detail' in record) {
    return undefined;
  }
  const { Records: records } = record;
  if (
    Array.isArray(records) &&
    records.some((item) => isObject(item) && item.EventSource === 'aws:sns')
  ) {
    return `SNS notification (Lambda event with ${records.length} SNS record(s)) is not handled (Inspector Classic); the notifier reads EventBridge events`;
  }
  if (
    ['template', 'run', 'event'].every((key) => typeof record[key] === 'string')
  ) {
    return `Inspector Classic SNS message (event ${String(record.event)}) is not handled; the notifier reads EventBridge events`;
  }
  if (typeof record.class_uid === 'number' && isObject(record.metadata)) {
    return `bare OCSF finding (class_uid ${record.class_uid}) is not an EventBridge event; Security Hub sends OCSF findings in "Findings Imported V2" events (replay wraps bare ones in that envelope)`;
  }
  return undefined;
};

/**
 * Reads one EventBridge event into normalized findings. A well-formed event
 * of a kind not handled, or a known input that is not an EventBridge event,
 * is `ignored`; a malformed one is `rejected` with a reason naming the
 * failing field path.
 */
export const parseEvent = (
  raw: unknown,
  kinds: readonly EventKind[] = EVENT_KINDS
): ParsedEvent => {
  const meta = metaOf(raw);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      kind: 'rejected',
      meta,
      reason: `(event): expected an EventBridge event object, received ${Array.isArray(raw) ? 'array' : raw === null ? 'null' : typeof raw}`,
    };
  }
  const deep = tooDeepAt(raw);
  if (deep !== undefined) {
    return {
      kind: 'rejected',
      meta,
      reason: `${deep || '(event)'}: nested deeper than ${MAX_NESTING} levels`,
    };
  }
  const foreign = notAnEventBridgeEvent(raw as Record<string, unknown>);
  if (foreign) return { kind: 'ignored', meta, reason: foreign };
  const envelope = safeParse('envelope', raw);
  if (!envelope.success) {
    return {
      kind: 'rejected',
      meta,
      reason: describeIssues('', envelope.error),
    };
  }
  const { source, 'detail-type': detailType } = envelope.data;
  const kind = kinds.find(
    (candidate) =>
      candidate.source === source && candidate.detailType === detailType
  );
  if (!kind) {
    return {
      kind: 'ignored',
      meta,
      reason: `event kind "${detailType}" from ${source} is not handled`,
    };
  }
  const result = kind.read(envelope.data);
  if (!result.ok) return { kind: 'rejected', meta, reason: result.reason };
  return {
    kind: 'findings',
    meta,
    findings: result.findings,
    ...(result.rejected ? { rejected: result.rejected } : {}),
  };
};
