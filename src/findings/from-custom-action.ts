import type { SecurityHubCustomActionDetail } from '../events/custom-action-schema.js';
import type { Finding } from './finding.js';
import { fromAsff } from './from-asff.js';
import type { EnvelopeContext } from './from-inspector2.js';
import { compact } from './values.js';

const ACTION_ARN =
  /^arn:(aws|aws-cn|aws-us-gov):securityhub:[a-z0-9-]+:\d{12}:action\/custom\/[A-Za-z0-9]{1,20}$/;

/**
 * The findings a person selected for a Security Hub custom action, each
 * normalized like an imported ASFF finding and marked with the action
 * (`sharedBy`). `actionArn` is the envelope's `resources[0]` when it has the
 * documented action ARN shape.
 */
export const fromCustomAction = (
  detail: SecurityHubCustomActionDetail,
  envelope: EnvelopeContext & { readonly resources?: readonly string[] }
): Finding[] => {
  const arn = envelope.resources?.find((resource) => ACTION_ARN.test(resource));
  const sharedBy = compact({
    actionName: detail.actionName,
    actionDescription: detail.actionDescription,
    actionArn: arn,
  });
  return detail.findings.map((finding) => ({
    ...fromAsff(finding, envelope),
    sharedBy,
  }));
};
