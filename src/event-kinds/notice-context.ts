import type { Envelope } from '../events/envelope-schema.js';
import type { EventOutput, EventSchemaName } from '../events/event-schemas.js';
import { describeIssues } from '../events/issue-path.js';
import { safeParse } from '../events/safe-parse.js';
import type { Finding } from '../findings/finding.js';
import type { NoticeContext } from '../findings/from-inspector2-coverage.js';
import type { DetailResult } from './event-kind.js';

/**
 * Notices need the envelope's account, region and resource: each is named
 * in the reason when missing, like a failing detail field.
 */
const noticeContext = (
  envelope: Envelope
): NoticeContext | { reason: string } => {
  const resourceId = envelope.resources?.[0];
  if (!envelope.account) return { reason: 'account: required for a notice' };
  if (!envelope.region) return { reason: 'region: required for a notice' };
  if (!resourceId) {
    return { reason: 'resources: expected the resource the event is about' };
  }
  return {
    account: envelope.account,
    region: envelope.region,
    resourceId,
    ...(envelope.time ? { time: envelope.time } : {}),
  };
};

/** Reads a notice's `detail` with its schema, then normalizes it with the envelope. */
export const noticeReader =
  <K extends EventSchemaName>(
    schema: K,
    normalize: (detail: EventOutput<K>, context: NoticeContext) => Finding
  ) =>
  (envelope: Envelope): DetailResult => {
    const parsed = safeParse(schema, envelope.detail);
    if (!parsed.success) {
      return { ok: false, reason: describeIssues('detail', parsed.error) };
    }
    const context = noticeContext(envelope);
    return 'reason' in context
      ? { ok: false, reason: context.reason }
      : { ok: true, findings: [normalize(parsed.data, context)] };
  };
