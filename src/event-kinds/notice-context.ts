import type { Envelope } from '../events/envelope-schema.js';
import { describeIssues } from '../events/issue-path.js';
import { PARSE_OPTIONS } from '../events/parse-options.js';
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

type Schema<T> = {
  safeParse: (
    value: unknown,
    params: typeof PARSE_OPTIONS
  ) =>
    | { success: true; data: T }
    | { success: false; error: Parameters<typeof describeIssues>[1] };
};

/** Reads a notice's `detail` with its schema, then normalizes it with the envelope. */
export const noticeReader =
  <T>(
    schema: Schema<T>,
    normalize: (detail: T, context: NoticeContext) => Finding
  ) =>
  (envelope: Envelope): DetailResult => {
    const parsed = schema.safeParse(envelope.detail, PARSE_OPTIONS);
    if (!parsed.success) {
      return { ok: false, reason: describeIssues('detail', parsed.error) };
    }
    const context = noticeContext(envelope);
    return 'reason' in context
      ? { ok: false, reason: context.reason }
      : { ok: true, findings: [normalize(parsed.data, context)] };
  };
