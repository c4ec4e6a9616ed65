import { canonicalResourceType } from '../findings/resource-types.js';
import { type Check, list } from './check.js';
import { anyGlob } from './glob.js';

export const productCheck = (patterns: readonly string[]): Check => {
  const matches = anyGlob(patterns);
  return (finding) =>
    matches(finding.product)
      ? undefined
      : `product ${finding.product} is not ${list(patterns)}`;
};

export const sourceCheck =
  (sources: readonly string[]): Check =>
  (finding) =>
    sources.includes(finding.source)
      ? undefined
      : `source ${finding.source} is not ${list(sources)}`;

/** Finding kinds match exactly; anything else is an ASFF `Types` prefix. */
export const typeCheck =
  (types: readonly string[]): Check =>
  (finding) =>
    types.some(
      (type) =>
        type === finding.type ||
        finding.types.some((own) => own.startsWith(type))
    )
      ? undefined
      : `type ${finding.type} is not ${list(types)}`;

export const resourceTypeCheck = (types: readonly string[]): Check => {
  const wanted = new Set(types.map(canonicalResourceType));
  return (finding) =>
    finding.resources.some((resource) => wanted.has(resource.type))
      ? undefined
      : `resource type ${list(finding.resources.map((resource) => resource.type))} is not ${list([...wanted])}`;
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
