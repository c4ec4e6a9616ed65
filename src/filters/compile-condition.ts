import type { Finding } from '../findings/finding.js';
import type { Check } from './check.js';
import type { Condition } from './condition-schema.js';
import {
  accountCheck,
  productCheck,
  regionCheck,
  resourceTypeCheck,
  sourceCheck,
  titleCheck,
  typeCheck,
} from './identity-checks.js';
import { portsCheck, protocolCheck, tagsCheck } from './resource-checks.js';
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
};

/** A compiled condition: `undefined` when it holds, else the first reason it does not. */
export type Predicate = (finding: Finding) => string | undefined;

/**
 * Compiles a condition once into a predicate: every key must hold. Evaluating
 * a finding does no parsing and builds no patterns.
 */
export const compileCondition = (condition: Condition): Predicate => {
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

/** Keys of a condition, for messages such as "excluded by tags". */
export const describeCondition = (condition: Condition): string =>
  Object.keys(condition).join(' + ');
