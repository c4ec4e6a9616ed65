import type { Finding } from '../findings/finding.js';

/**
 * SNS message attributes on every publish, so subscribers can filter with
 * subscription filter policies. At most 10 attributes are allowed.
 */
export const messageAttributes = (
  finding: Finding,
  route: string
): Record<string, string> => ({
  severity: finding.severity.label,
  provider: finding.company,
  product: finding.product,
  findingType: finding.type,
  account: finding.accountId,
  region: finding.region,
  route,
  lifecycle: finding.status.lifecycle,
});
