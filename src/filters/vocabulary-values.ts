import * as z from 'zod';
import { KNOWN_PRODUCTS, productKey } from '../findings/products.js';
import {
  knownResourceType,
  RESOURCE_TYPE_SPELLINGS,
} from '../findings/resource-types.js';
import { ASFF_TYPE_NAMESPACES, FINDING_TYPES } from '../findings/vocabulary.js';
import { didYouMean } from './did-you-mean.js';
import { checked } from './schema-helpers.js';

const guessed = (value: string, known: readonly string[]) => {
  const guess = didYouMean(value, known);
  return guess ? `; did you mean "${guess}"?` : '';
};

const sameWord = <T extends string>(known: readonly T[], value: string) =>
  known.find((word) => word.toLowerCase() === value.toLowerCase());

/**
 * One of a closed list of words, in any case, given back in the list's
 * spelling; anything else is refused with the closest word.
 */
export const closedWord = <const T extends string>(
  what: string,
  known: readonly T[]
) =>
  checked((value): T | { error: string } => {
    if (typeof value !== 'string')
      return { error: `expected ${what}: ${known.join(', ')}` };
    return (
      sameWord(known, value) ?? {
        error: `"${value}" is not ${what}${guessed(value, known)} (known: ${known.join(', ')})`,
      }
    );
  });

/**
 * A finding kind (`PACKAGE_VULNERABILITY`, any case) or an ASFF `Types`
 * prefix whose namespace is one of ASFF's (`TTPs/`, `Software and
 * Configuration Checks/Vulnerabilities/CVE`).
 */
export const findingType = checked((value): string | { error: string } => {
  if (typeof value !== 'string' || value === '')
    return { error: `expected a finding type: ${FINDING_TYPES.join(', ')}` };
  const kind = sameWord(FINDING_TYPES, value);
  if (kind) return kind;
  const [head = '', ...rest] = value.split('/');
  const namespace = sameWord(ASFF_TYPE_NAMESPACES, head);
  if (namespace) return [namespace, ...rest].join('/');
  return {
    error: `"${value}" is not a finding type${guessed(value, [...FINDING_TYPES, ...ASFF_TYPE_NAMESPACES])} (finding types: ${FINDING_TYPES.join(', ')}; or an ASFF Types prefix starting with ${ASFF_TYPE_NAMESPACES.map((name) => `"${name}/"`).join(', ')})`,
  };
});

/** A resource type in ASFF, Inspector or CloudFormation spelling, any case. */
export const resourceType = checked((value): string | { error: string } => {
  if (typeof value !== 'string' || value === '')
    return { error: 'expected a resource type such as AwsEc2Instance' };
  return (
    knownResourceType(value) ?? {
      error: `"${value}" is not a resource type a finding can have${guessed(value, RESOURCE_TYPE_SPELLINGS)} (ASFF spelling AwsEc2Instance, Inspector's AWS_EC2_INSTANCE or CloudFormation's AWS::EC2::Instance)`,
    }
  );
});

const isGlob = (value: string) => /[*?]/.test(value);

/** The AWS product a name means (`Amazon Inspector` is `Inspector`), if any. */
export const knownProduct = (value: string): string | undefined =>
  KNOWN_PRODUCTS.find((name) => productKey(name) === productKey(value));

/**
 * A product name or glob. AWS products are known in any case and with or
 * without `Amazon`/`AWS`; a name close to one of them is refused as a typo;
 * other names are taken as partner products (config:check warns).
 */
export const product = checked((value): string | { error: string } => {
  if (typeof value !== 'string' || value === '' || value.length > 256)
    return { error: 'expected a product name or pattern (1-256 characters)' };
  if (isGlob(value)) return value;
  const known = knownProduct(value);
  if (known) return known;
  const guess = didYouMean(productKey(value), KNOWN_PRODUCTS);
  return guess
    ? {
        error: `"${value}" is not a product a finding names; did you mean "${guess}"? (known: ${KNOWN_PRODUCTS.join(', ')}; partner products by their ProductName)`,
      }
    : value;
});

/** A severity label in any case. */
export const upperCased = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.toUpperCase() : value),
    schema
  );
