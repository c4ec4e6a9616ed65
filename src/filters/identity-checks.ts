import { productKey } from '../findings/products.js';
import { resourceTypeKey } from '../findings/resource-types.js';
import { type Check, list } from './check.js';
import { anyGlob } from './glob.js';

/** Case-insensitive; `Amazon Inspector` and `Inspector` are one product. */
export const productCheck = (patterns: readonly string[]): Check => {
  const matches = anyGlob(patterns.map(productKey));
  return (finding) =>
    matches(productKey(finding.product))
      ? undefined
      : `product ${finding.product} is not ${list(patterns)}`;
};

export const sourceCheck =
  (sources: readonly string[]): Check =>
  (finding) =>
    sources.includes(finding.source)
      ? undefined
      : `source ${finding.source} is not ${list(sources)}`;

/**
 * Finding kinds match exactly (the schema gives them in capitals); anything
 * else is an ASFF `Types` prefix, compared case-insensitively.
 */
export const typeCheck = (types: readonly string[]): Check => {
  const prefixes = types.map((type) => type.toLowerCase());
  return (finding) =>
    types.includes(finding.type) ||
    finding.types.some((own) => {
      const lower = own.toLowerCase();
      return prefixes.some((prefix) => lower.startsWith(prefix));
    })
      ? undefined
      : `type ${finding.type} is not ${list(types)}`;
};

/** In any spelling on either side: `AWS::EC2::Instance` is `AwsEc2Instance`. */
export const resourceTypeCheck = (types: readonly string[]): Check => {
  const wanted = new Set(types.map(resourceTypeKey));
  return (finding) =>
    finding.resources.some((resource) =>
      wanted.has(resourceTypeKey(resource.type))
    )
      ? undefined
      : `resource type ${list(finding.resources.map((resource) => resource.type))} is not ${list(types)}`;
};

export const accountCheck =
  (accounts: readonly string[]): Check =>
  (finding) =>
    accounts.includes(finding.accountId)
      ? undefined
      : `account ${finding.accountId} is not ${list(accounts)}`;

export const regionCheck =
  (regions: readonly string[]): Check =>
  (finding) =>
    regions.includes(finding.region)
      ? undefined
      : `region ${finding.region} is not ${list(regions)}`;

export const titleCheck = (patterns: readonly string[]): Check => {
  const matches = anyGlob(patterns);
  return (finding) =>
    matches(finding.title)
      ? undefined
      : `title does not match ${list(patterns)}`;
};
