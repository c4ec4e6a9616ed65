import { parseEach } from '../events/each-item.js';
import type { Envelope } from '../events/envelope-schema.js';
import { describeIssues } from '../events/issue-path.js';
import { safeParse } from '../events/safe-parse.js';
import { fromAsff } from '../findings/from-asff.js';
import { isObject, type Json } from '../findings/values.js';
import type { DetailResult, EventKind } from './event-kind.js';
import { regionOfArn, text } from './wrap-helpers.js';

/**
 * Each finding is validated on its own: the valid ones go on, each bad one
 * is rejected with its path. Only when none is valid is the event rejected.
 */
const readImported = (envelope: Envelope): DetailResult => {
  const parsed = safeParse('securityHubImportedDetail', envelope.detail);
  if (!parsed.success) {
    return { ok: false, reason: describeIssues('detail', parsed.error) };
  }
  const { valid, rejected } = parseEach(
    parsed.data.findings,
    'asffFinding',
    'detail.findings',
    'Id'
  );
  if (valid.length === 0) {
    return {
      ok: false,
      reason: rejected.map((item) => item.reason).join('; '),
    };
  }
  const context = { region: envelope.region, time: envelope.time };
  return {
    ok: true,
    findings: valid.map((finding) => fromAsff(finding, context)),
    ...(rejected.length > 0 ? { rejected } : {}),
  };
};

const wrapAsff = (finding: Json): Json => ({
  version: '0',
  id: `replay-${text(finding.Id, 'finding').slice(-36)}`,
  'detail-type': 'Security Hub Findings - Imported',
  source: 'aws.securityhub',
  account: text(finding.AwsAccountId, '000000000000'),
  time: text(finding.UpdatedAt, new Date(0).toISOString()),
  region: text(finding.Region, regionOfArn(finding.ProductArn)),
  resources: [`${text(finding.ProductArn, '')}/${text(finding.Id, '')}`],
  detail: { findings: [finding] },
});

/** Security Hub CSPM's imported findings: ASFF, `detail.findings` may hold several. */
export const SECURITY_HUB_IMPORTED: EventKind = {
  id: 'SecurityHubFindingsImported',
  description: 'AWS Security Hub imported findings to findings-notifier',
  source: 'aws.securityhub',
  detailType: 'Security Hub Findings - Imported',
  channel: 'securityhub',
  read: readImported,
  samples: { events: ['securityhub'], corpus: ['securityhub-imported'] },
  // The computed label is `Severity.Label` when present; a finding without
  // one (scored from Normalized) is let through.
  severityDetailPattern: (labels) => ({
    findings: {
      Severity: { $or: [{ Label: labels }, { Label: [{ exists: false }] }] },
    },
  }),
  bare: {
    name: 'ASFF finding',
    is: (value) =>
      isObject(value) &&
      typeof value.ProductArn === 'string' &&
      'SchemaVersion' in value,
    wrap: wrapAsff,
  },
};
