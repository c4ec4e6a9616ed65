import { severityRank } from '../events/severity.js';
import type { DigestFinding } from '../findings/digest-finding.js';

/** SNS allows at most 10 message attributes per message. */
export const MAX_ATTRIBUTES = 10;

const VALUE_MAX = 256;

/**
 * An attribute value SNS accepts and a filter policy can match: no control
 * characters, no surrounding spaces, at most 256 characters, never empty
 * (SNS rejects an empty String value).
 */
const attributeValue = (value: string | undefined): string => {
  const cleaned = (value ?? '')
    .slice(0, VALUE_MAX * 2)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, VALUE_MAX)
    .trim();
  return cleaned === '' ? 'unknown' : cleaned;
};

/**
 * SNS message attributes on every publish, so subscribers can filter with
 * subscription filter policies. At most 10 attributes are allowed.
 */
export const messageAttributes = (
  finding: DigestFinding,
  route: string
): Record<string, string> =>
  Object.fromEntries(
    Object.entries({
      severity: finding.severity.label,
      provider: finding.company,
      product: finding.product,
      findingType: finding.type,
      account: finding.accountId,
      region: finding.region,
      route,
      lifecycle: finding.status.lifecycle,
    })
      .slice(0, MAX_ATTRIBUTES)
      .map(([name, value]) => [name, attributeValue(value)])
  );

/**
 * The attributes of a digest: the worst severity, each other attribute's
 * value when all its findings share it and `multiple` otherwise, and
 * `kind: digest`, so a filter policy can tell digests from single findings.
 */
export const digestAttributes = (
  findings: readonly DigestFinding[],
  route: string
): Record<string, string> => {
  const each = findings.map((finding) => messageAttributes(finding, route));
  const shared = (name: string) => {
    const values = new Set(each.map((attributes) => attributes[name]));
    return values.size === 1 ? ([...values][0] ?? 'unknown') : 'multiple';
  };
  const worst = findings.reduce<DigestFinding | undefined>(
    (top, finding) =>
      !top ||
      severityRank[finding.severity.label] > severityRank[top.severity.label]
        ? finding
        : top,
    undefined
  );
  return {
    severity: worst ? worst.severity.label : 'unknown',
    provider: shared('provider'),
    product: shared('product'),
    findingType: shared('findingType'),
    account: shared('account'),
    region: shared('region'),
    route: attributeValue(route),
    lifecycle: shared('lifecycle'),
    kind: 'digest',
  };
};
