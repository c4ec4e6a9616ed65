import type { Finding } from '../findings/finding.js';
import { fromCustomAction } from '../findings/from-custom-action.js';
import {
  fromInspector2Coverage,
  type NoticeContext,
} from '../findings/from-inspector2-coverage.js';
import {
  fromInspector2OnDemandScan,
  fromInspector2Scan,
} from '../findings/from-inspector2-scan.js';
import { describeIssues } from '../validation/issue-path.js';
import { SecurityHubCustomActionDetailSchema } from './custom-action-schema.js';
import type { Envelope } from './envelope-schema.js';
import { Inspector2CoverageDetailSchema } from './inspector2-coverage-schema.js';
import {
  Inspector2OnDemandScanDetailSchema,
  Inspector2ScanDetailSchema,
} from './inspector2-scan-schema.js';

type Parsed = { ok: true; findings: Finding[] } | { ok: false; reason: string };

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

const noticeParser =
  <T>(
    schema: {
      safeParse: (
        value: unknown
      ) =>
        | { success: true; data: T }
        | { success: false; error: Parameters<typeof describeIssues>[1] };
    },
    normalize: (detail: T, context: NoticeContext) => Finding
  ) =>
  (envelope: Envelope): Parsed => {
    const parsed = schema.safeParse(envelope.detail);
    if (!parsed.success) {
      return { ok: false, reason: describeIssues('detail', parsed.error) };
    }
    const context = noticeContext(envelope);
    return 'reason' in context
      ? { ok: false, reason: context.reason }
      : { ok: true, findings: [normalize(parsed.data, context)] };
  };

/** "Inspector2 Coverage": one resource's scan status. */
export const parseInspector2Coverage = noticeParser(
  Inspector2CoverageDetailSchema,
  fromInspector2Coverage
);

/** "Inspector2 Scan": a resource's initial scan completed. */
export const parseInspector2Scan = noticeParser(
  Inspector2ScanDetailSchema,
  fromInspector2Scan
);

/** "Inspector2 OnDemand Scan Complete". */
export const parseInspector2OnDemandScan = noticeParser(
  Inspector2OnDemandScanDetailSchema,
  fromInspector2OnDemandScan
);

/** "Security Hub Findings - Custom Action": findings a person chose to share. */
export const parseSecurityHubCustomAction = (envelope: Envelope): Parsed => {
  const parsed = SecurityHubCustomActionDetailSchema.safeParse(envelope.detail);
  return parsed.success
    ? {
        ok: true,
        findings: fromCustomAction(parsed.data, {
          ...(envelope.region ? { region: envelope.region } : {}),
          ...(envelope.time ? { time: envelope.time } : {}),
          ...(envelope.resources ? { resources: envelope.resources } : {}),
        }),
      }
    : { ok: false, reason: describeIssues('detail', parsed.error) };
};
