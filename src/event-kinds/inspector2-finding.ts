import type { Envelope } from '../events/envelope-schema.js';
import { describeIssues } from '../events/issue-path.js';
import { safeParse } from '../events/safe-parse.js';
import { fromInspector2 } from '../findings/from-inspector2.js';
import { isObject, type Json } from '../findings/values.js';
import type { DetailResult, EventKind } from './event-kind.js';
import { regionOfArn, text } from './wrap-helpers.js';

const readInspector2 = (envelope: Envelope): DetailResult => {
  const parsed = safeParse('inspector2Finding', envelope.detail);
  return parsed.success
    ? {
        ok: true,
        findings: [
          fromInspector2(parsed.data, {
            region: envelope.region,
            time: envelope.time,
          }),
        ],
      }
    : { ok: false, reason: describeIssues('detail', parsed.error) };
};

const wrapInspector2 = (finding: Json): Json => ({
  version: '0',
  id: `replay-${text(finding.findingArn, 'finding').slice(-32)}`,
  'detail-type': 'Inspector2 Finding',
  source: 'aws.inspector2',
  account: text(finding.awsAccountId, '000000000000'),
  time: new Date(0).toISOString(),
  region: regionOfArn(finding.findingArn),
  resources: [],
  detail: finding,
});

/** Amazon Inspector's finding events: `detail` is one finding. */
export const INSPECTOR2_FINDING: EventKind = {
  id: 'Inspector2Findings',
  description: 'Amazon Inspector findings to findings-notifier',
  source: 'aws.inspector2',
  detailType: 'Inspector2 Finding',
  channel: 'inspector2',
  read: readInspector2,
  samples: { events: ['inspector2'], corpus: ['inspector2-finding'] },
  bare: {
    name: 'Inspector2 finding',
    is: (value) => isObject(value) && typeof value.findingArn === 'string',
    wrap: wrapInspector2,
  },
};

/**
 * On-demand AMI scan findings: the same finding object as Inspector2 Finding
 * events, under their own source.
 */
export const ONDEMAND_AMI_SCAN_FINDING: EventKind = {
  id: 'Inspector2OnDemandAmiFindings',
  description:
    'Amazon Inspector on-demand AMI scan findings to findings-notifier',
  source: 'inspector2.ami.ondemand',
  detailType: 'OnDemand AMI Scan Findings',
  channel: 'inspector2',
  read: readInspector2,
  samples: { events: ['inspector2'], corpus: ['inspector2-finding'] },
};
