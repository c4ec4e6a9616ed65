import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { DigestSchema } from '../../../src/config/digest-schema.js';
import { DIGEST_DEFAULTS } from '../../../src/config/digest-settings.js';
import { parseConfig } from '../../../src/config/parse-config.js';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:findings';

const problemsOf = (digest: string): readonly string[] => {
  try {
    parseConfig(
      `routes:\n  - name: r\n    topicArn: ${TOPIC}\n    digest: ${digest}\n`,
      'digest.yaml'
    );
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('Config: a route’s digest settings', () => {
  it('defaults to DIGEST_DEFAULTS, which the function reads without zod', () => {
    expect(DigestSchema.parse({})).toEqual(DIGEST_DEFAULTS);
    expect(Object.isFrozen(DIGEST_DEFAULTS)).toBe(true);
  });

  it('takes partial settings and fills the rest from the defaults', () => {
    // Act
    const config = parseConfig(
      `routes:\n  - name: r\n    topicArn: ${TOPIC}\n    digest: { above: 0, aloneFrom: HIGH, variants: [new] }\n`,
      'digest.yaml'
    );

    // Assess
    expect(config.routes[0]?.digest).toEqual({
      enabled: true,
      above: 0,
      aloneFrom: 'HIGH',
      aloneMax: 1,
      holdSeconds: 300,
      nameFrom: 'HIGH',
      variants: ['new'],
    });
  });

  it.each([
    {
      case: 'an unknown key close to a known one',
      digest: '{ abvoe: 3 }',
      problem:
        'route "r", digest.abvoe (line 4, column 15): unknown key; did you mean "above"?',
    },
    {
      case: 'a severity that does not exist',
      digest: '{ nameFrom: HIHG }',
      problem:
        'route "r", digest.nameFrom (line 4, column 25): expected one of INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL; got "HIHG"; did you mean "HIGH"?',
    },
    {
      case: 'a negative threshold',
      digest: '{ above: -1 }',
      problem:
        'route "r", digest.above (line 4, column 22): a number of messages from 0 (digest from 2 messages on) to 1000',
    },
    {
      case: 'a fractional cap',
      digest: '{ aloneMax: 1.5 }',
      problem:
        'route "r", digest.aloneMax (line 4, column 25): expected int, got number 1.5',
    },
    {
      case: 'no announcement kinds',
      digest: '{ variants: [] }',
      problem:
        'route "r", digest.variants (line 4, column 25): list at least one kind, or set enabled: false',
    },
    {
      case: 'a kind that does not exist',
      digest: '{ variants: [news] }',
      problem:
        'route "r", digest.variants[0] (line 4, column 26): expected one of new, escalated, resolved, reminder; got "news"; did you mean "new"?',
    },
  ])('rejects $case with a specific message', ({ digest, problem }) => {
    expect(problemsOf(digest)).toEqual([problem]);
  });
});
