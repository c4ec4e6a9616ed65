import { type Check, list } from './check.js';
import type { Condition } from './condition-schema.js';
import {
  controlIdCheck,
  ecrRepositoryCheck,
  generatorIdCheck,
  packageNameCheck,
  resourceCheck,
} from './identifier-checks.js';
import {
  accountCheck,
  productCheck,
  regionCheck,
  resourceTypeCheck,
  sourceCheck,
  titleCheck,
  typeCheck,
} from './identity-checks.js';
import {
  coverageCheck,
  customActionCheck,
  kindCheck,
} from './notice-checks.js';
import {
  describeTags,
  portsCheck,
  protocolCheck,
  tagsCheck,
} from './resource-checks.js';
import {
  epssCheck,
  exploitAvailableCheck,
  fixAvailableCheck,
  scoreCheck,
  severityCheck,
  vulnerabilityIdsCheck,
} from './severity-checks.js';
import { statusCheck } from './status-checks.js';

type Compilers = {
  [K in keyof Condition]-?: (value: NonNullable<Condition[K]>) => Check;
};

const COMPILERS: Compilers = {
  severity: severityCheck,
  score: scoreCheck,
  product: productCheck,
  source: sourceCheck,
  type: typeCheck,
  resourceType: resourceTypeCheck,
  account: accountCheck,
  region: regionCheck,
  status: statusCheck,
  tags: tagsCheck,
  vulnerabilityIds: vulnerabilityIdsCheck,
  fixAvailable: fixAvailableCheck,
  exploitAvailable: exploitAvailableCheck,
  epssMin: epssCheck,
  ports: portsCheck,
  protocol: protocolCheck,
  title: titleCheck,
  kind: kindCheck,
  coverage: coverageCheck,
  customAction: customActionCheck,
  resource: resourceCheck,
  ecrRepository: ecrRepositoryCheck,
  packageName: packageNameCheck,
  controlId: controlIdCheck,
  generatorId: generatorIdCheck,
};

/**
 * Compiles a condition once into a check: every key must hold, and the
 * check gives the first reason one does not. Evaluating a finding does no
 * parsing and builds no patterns.
 */
export const compileCondition = (condition: Condition): Check => {
  const checks = Object.entries(condition).flatMap(([key, value]) => {
    if (value === undefined) return [];
    const compile = COMPILERS[key as keyof Condition] as (
      value: unknown
    ) => Check;
    return [compile(value)];
  });
  return (finding) => {
    for (const check of checks) {
      const reason = check(finding);
      if (reason !== undefined) return reason;
    }
    return undefined;
  };
};

const describeValue = (value: unknown): string => {
  if (Array.isArray(value)) return list(value.map(describeValue));
  if (typeof value !== 'object' || value === null) return String(value);
  const { begin, end } = value as { begin?: unknown; end?: unknown };
  if (typeof begin === 'number' && typeof end === 'number')
    return begin === end ? String(begin) : `${begin}-${end}`;
  return Object.entries(value)
    .map(([key, inner]) => `${key} ${describeValue(inner)}`)
    .join(', ');
};

/**
 * A condition as people wrote it, for reasons such as "excluded by tags
 * InspectorEc2Exclusion (present)".
 */
export const describeCondition = (condition: Condition): string =>
  Object.entries(condition)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) =>
      key === 'tags'
        ? `tags ${describeTags(value as Record<string, boolean | string>)}`
        : `${key} ${describeValue(value)}`
    )
    .join(' + ');
