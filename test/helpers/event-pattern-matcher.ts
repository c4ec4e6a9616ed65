import type {
  EventPattern,
  PatternOperator,
  PatternValue,
} from '../../src/event-kinds/event-pattern.js';

/**
 * A small EventBridge event-pattern matcher for the operators the notifier's
 * patterns use (no npm package implements it). Semantics, after the
 * EventBridge user guide ("Event patterns", "Arrays in patterns",
 * "Comparison operators"):
 * - a leaf is an array of values/operators, OR-ed; fields are AND-ed;
 * - exact values are compared case-sensitively (`"HIGH"` ≠ `"high"`, and
 *   `"MEDIUM,HIGH"` is one literal string);
 * - when the event value is an array, the leaf matches if any element does;
 * - arrays of objects are matched as if flattened: each leaf is tested
 *   against the values found in any element;
 * - `prefix`, `anything-but` (a value or list; needs the field present),
 *   `exists` (true: present, false: absent), `numeric` (JSON numbers only)
 *   and `$or` (any of the sub-patterns).
 * Anything else throws, so a pattern using an operator this matcher does
 * not implement cannot pass a test by accident.
 */
export const matchesPattern = (
  pattern: EventPattern,
  event: unknown
): boolean => matchObject(pattern, [event]);

type Scalar = string | number | boolean | null;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const valuesAt = (candidates: readonly unknown[], key: string): unknown[] =>
  candidates
    .flatMap((candidate) => (isObject(candidate) ? [candidate[key]] : []))
    .flatMap((value) => (Array.isArray(value) ? value : [value]))
    .filter((value) => value !== undefined);

const matchObject = (
  pattern: EventPattern,
  candidates: readonly unknown[]
): boolean =>
  Object.entries(pattern).every(([key, expected]) => {
    if (key === '$or') {
      if (!Array.isArray(expected)) throw new Error('$or needs a list');
      return (expected as EventPattern[]).some((alternative) =>
        matchObject(alternative, candidates)
      );
    }
    return matchValue(expected, valuesAt(candidates, key));
  });

const matchValue = (expected: PatternValue, values: unknown[]): boolean => {
  if (Array.isArray(expected)) {
    if (expected.length === 0) throw new Error('a leaf cannot be empty');
    return (expected as (Scalar | PatternOperator)[]).some((item) =>
      matchLeaf(item, values)
    );
  }
  if (isObject(expected)) {
    return matchObject(expected as EventPattern, values);
  }
  throw new Error(
    `invalid pattern value ${JSON.stringify(expected)}: leaves must be arrays`
  );
};

const COMPARE: Record<string, (left: number, right: number) => boolean> = {
  '=': (left, right) => left === right,
  '<': (left, right) => left < right,
  '<=': (left, right) => left <= right,
  '>': (left, right) => left > right,
  '>=': (left, right) => left >= right,
};

const numeric = (terms: readonly (string | number)[], value: number) => {
  for (let index = 0; index < terms.length; index += 2) {
    const compare = COMPARE[String(terms[index])];
    const bound = terms[index + 1];
    if (!compare || typeof bound !== 'number') {
      throw new Error(`invalid numeric operator ${JSON.stringify(terms)}`);
    }
    if (!compare(value, bound)) return false;
  }
  return true;
};

const matchLeaf = (
  item: Scalar | PatternOperator,
  values: unknown[]
): boolean => {
  if (!isObject(item)) {
    return values.some((value) => value === item);
  }
  const keys = Object.keys(item);
  if (keys.length !== 1) throw new Error('one operator per object');
  const operator = item as Record<string, unknown>;
  if ('exists' in operator) {
    return operator.exists === true ? values.length > 0 : values.length === 0;
  }
  if ('prefix' in operator) {
    const prefix = operator.prefix;
    if (typeof prefix !== 'string') throw new Error('prefix needs a string');
    return values.some(
      (value) => typeof value === 'string' && value.startsWith(prefix)
    );
  }
  if ('anything-but' in operator) {
    const raw = operator['anything-but'];
    const excluded = Array.isArray(raw) ? raw : [raw];
    if (excluded.some(isObject)) {
      throw new Error('anything-but with a nested operator is not implemented');
    }
    return values.some((value) => !excluded.includes(value));
  }
  if ('numeric' in operator) {
    const terms = operator.numeric as (string | number)[];
    return values.some(
      (value) => typeof value === 'number' && numeric(terms, value)
    );
  }
  throw new Error(`operator ${keys[0]} is not implemented by this matcher`);
};

/**
 * Every leaf of a pattern, for checks such as "leaf values are arrays of
 * separate strings".
 */
export const patternLeaves = (
  pattern: EventPattern,
  path = ''
): { path: string; leaf: readonly unknown[] }[] =>
  Object.entries(pattern).flatMap(([key, value]) => {
    const here = path ? `${path}.${key}` : key;
    if (key === '$or') {
      return (value as EventPattern[]).flatMap((alternative, index) =>
        patternLeaves(alternative, `${here}[${index}]`)
      );
    }
    return Array.isArray(value)
      ? [{ path: here, leaf: value }]
      : patternLeaves(value as EventPattern, here);
  });
