import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { parseConfig } from '../../../src/config/parse-config.js';

/* Issue 16, item 7: configs that passed config:check and then took minutes. */

const TOPIC = 'arn:aws:sns:eu-central-1:123456789012:security';

const problemsOf = (text: string): readonly string[] => {
  try {
    parseConfig(text, 'limits.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('Config limits', () => {
  it('refuses 99 aliases to a 2,000-entry glob list (expanded size)', () => {
    const list = Array.from({ length: 2_000 }, (_, n) => `t${n}*`).join(', ');
    const routes = Array.from(
      { length: 99 },
      (_, n) =>
        `  - name: r${n}\n    topicArn: ${TOPIC}\n    match: { title: *titles }`
    ).join('\n');
    const problems = problemsOf(`x: &titles [${list}]\nroutes:\n${routes}\n`);
    expect(problems.join('\n')).toMatch(/items; at most 1000|YAML aliases/);
  });

  it('refuses 10,000 unknown keys at once, in well under a second', () => {
    const keys = Array.from({ length: 10_000 }, (_, n) => `k${n}: 1`);
    const started = performance.now();
    const problems = problemsOf(
      `routes:\n  - name: a\n    topicArn: ${TOPIC}\n${keys.join('\n')}\n`
    );
    expect(problems).toEqual([
      '(root): the configuration has 10004 lines; at most 5000 are allowed',
    ]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it.each(['1.0e-300', '0.001'])(
    'refuses a dedup window of %s hours',
    (hours) => {
      const problems = problemsOf(
        `routes:\n  - name: a\n    topicArn: ${TOPIC}\n    dedupWindowHours: ${hours}\ndedup: { windowHours: ${hours} }\n`
      );
      expect(problems).toEqual([
        expect.stringMatching(
          /^route "a", dedupWindowHours \(line \d+, column \d+\): at least one minute/
        ),
        expect.stringMatching(
          /^dedup\.windowHours \(line \d+, column \d+\): at least one minute/
        ),
      ]);
    }
  );

  it('accepts a one-minute window', () => {
    expect(
      problemsOf(
        `routes:\n  - name: a\n    topicArn: ${TOPIC}\ndedup: { windowHours: ${1 / 60} }\n`
      )
    ).toEqual([]);
  });

  it('refuses a mapping of more than 100 keys', () => {
    const keys = Array.from({ length: 150 }, (_, n) => `k${n}: 1`);
    expect(
      problemsOf(
        `routes:\n  - name: a\n    topicArn: ${TOPIC}\n${keys.join('\n')}\n`
      )
    ).toEqual(['(root): 151 keys; at most 100 are allowed']);
  });

  it('refuses configuration text over 256 KiB and a pattern over 1,024 characters', () => {
    expect(problemsOf(`# ${'x'.repeat(300_000)}\nroutes: []\n`)).toEqual([
      expect.stringMatching(/bytes; at most 262144 are allowed/),
    ]);
    expect(
      problemsOf(
        `routes:\n  - name: a\n    topicArn: ${TOPIC}\n    match: { title: ["${'*a'.repeat(600)}"] }\n`
      )
    ).toEqual([
      expect.stringMatching(/^routes\[0\]\.match\.title\[0\]: 1200 characters/),
    ]);
  });
});

describe('Topic ARN partition and region (issue 16, item 8)', () => {
  it.each([
    ['arn:aws-cn:sns:us-east-1:123456789012:t', /partition aws, not aws-cn/],
    ['arn:aws:sns:cn-north-1:123456789012:t', /partition aws-cn, not aws/],
    ['arn:aws:sns:xx-evil-9:123456789012:t', /not an AWS region name/],
  ])('refuses %s', (arn, expected) => {
    const problems = problemsOf(`routes:\n  - name: a\n    topicArn: ${arn}\n`);
    expect(problems).toEqual([expect.stringMatching(expected)]);
  });

  it.each([
    'arn:aws:sns:eu-central-1:123456789012:t',
    'arn:aws-cn:sns:cn-northwest-1:123456789012:t',
    'arn:aws-us-gov:sns:us-gov-west-1:123456789012:t',
  ])('accepts %s', (arn) => {
    expect(problemsOf(`routes:\n  - name: a\n    topicArn: ${arn}\n`)).toEqual(
      []
    );
  });
});
