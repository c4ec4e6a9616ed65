import type { Envelope } from '../events/envelope-schema.js';
import { describeIssues } from '../events/issue-path.js';
import { safeParse } from '../events/safe-parse.js';
import { fromCustomAction } from '../findings/from-custom-action.js';
import type { DetailResult, EventKind } from './event-kind.js';

const readCustomAction = (envelope: Envelope): DetailResult => {
  const parsed = safeParse('securityHubCustomActionDetail', envelope.detail);
  return parsed.success
    ? {
        ok: true,
        findings: fromCustomAction(parsed.data, {
          region: envelope.region,
          time: envelope.time,
          resources: envelope.resources,
        }),
      }
    : { ok: false, reason: describeIssues('detail', parsed.error) };
};

/**
 * Findings a person selected in the Security Hub console and sent with a
 * custom action. Routes receive them only when they name the action
 * (`customAction`) or ask for `kind: custom-action`.
 */
export const SECURITY_HUB_CUSTOM_ACTION: EventKind = {
  id: 'SecurityHubCustomActions',
  description: 'AWS Security Hub custom actions to findings-notifier',
  source: 'aws.securityhub',
  detailType: 'Security Hub Findings - Custom Action',
  channel: 'securityhub',
  itemKind: 'custom-action',
  read: readCustomAction,
  samples: {
    events: ['securityhub-custom-action'],
    corpus: ['securityhub-custom-action'],
  },
};
