import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { parseConfig } from '../../../src/config/parse-config.js';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:findings';

const problemsOf = (text: string): readonly string[] => {
  try {
    parseConfig(text, 'test.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the config to be rejected');
};

const withRoute = (route: string) =>
  `routes:\n  - name: r\n    topicArn: ${TOPIC}\n${route}`;

describe('Function: parseConfig', () => {
  it('accepts a minimal config and fills the defaults', () => {
    // Act
    const config = parseConfig(
      `routes:\n  - name: r\n    topicArn: ${TOPIC}\n`,
      'test.yaml'
    );

    // Assess
    expect(config.routes[0]).toEqual({
      name: 'r',
      topicArn: TOPIC,
      format: 'chatbot',
      perProtocol: false,
      stop: false,
      announceResolutions: false,
      acknowledge: false,
      digest: {
        enabled: true,
        above: 5,
        aloneFrom: 'CRITICAL',
        aloneMax: 1,
        holdSeconds: 300,
        nameFrom: 'HIGH',
        variants: ['new', 'escalated', 'resolved', 'reminder'],
      },
    });
    expect(config.dedup.windowHours).toBe(24);
    expect(config.logLevel).toBe('INFO');
    expect(config.suppressions).toEqual([]);
  });

  it('accepts JSON as well as YAML', () => {
    // Act
    const config = parseConfig(
      JSON.stringify({ routes: [{ name: 'r', topicArn: TOPIC }] }),
      'x.json'
    );

    // Assess
    expect(config.routes).toHaveLength(1);
  });

  it('normalizes shorthand values into lists and ranges', () => {
    // Act
    const config = parseConfig(
      withRoute(
        "    match:\n      severity: HIGH\n      ports: [22, '8000-8999']\n      account: '123456789012'\n"
      ),
      'test.yaml'
    );

    // Assess
    expect(config.routes[0]?.match).toEqual([
      {
        severity: { in: ['HIGH'] },
        ports: [
          { begin: 22, end: 22 },
          { begin: 8000, end: 8999 },
        ],
        account: ['123456789012'],
      },
    ]);
  });

  it.each([
    {
      case: 'invalid YAML',
      text: 'routes: [',
      expected: /^not valid YAML or JSON/,
    },
    {
      case: 'an empty document',
      text: '',
      expected: /^\(root\): the configuration is empty/,
    },
    {
      case: 'no routes',
      text: 'routes: []',
      expected: /^routes \(line 1, column 9\): define at least one route/,
    },
    {
      case: 'a wrong type',
      text: withRoute('    stop: "yes"\n'),
      expected:
        /^route "r", stop \(line \d+, column \d+\): expected boolean, got string "yes"/,
    },
    {
      case: 'an unknown key close to a known one',
      text: withRoute('    formatt: chatbot\n'),
      expected:
        /^route "r", formatt \(line \d+, column \d+\): unknown key; did you mean "format"\?/,
    },
    {
      case: 'an unknown key far from any known one',
      text: `${withRoute('')}colour: blue\n`,
      expected:
        /^colour \(line 4, column 1\): unknown key; known keys: routes, suppressions, dedup/,
    },
    {
      case: 'a bad topic ARN',
      text: 'routes:\n  - name: r\n    topicArn: arn:aws:sqs:us-east-1:123456789012:q\n',
      expected:
        /^route "r", topicArn \(line \d+, column \d+\): expected a standard SNS topic ARN/,
    },
    {
      case: 'a FIFO topic',
      text: `routes:\n  - name: r\n    topicArn: ${TOPIC}.fifo\n`,
      expected:
        /^route "r", topicArn \(line \d+, column \d+\): FIFO topics cannot deliver to AWS Chatbot/,
    },
    {
      case: 'a bad severity',
      text: withRoute('    match:\n      severity: { min: HIGHEST }\n'),
      expected:
        /^route "r", match\[0\]\.severity\.min \(line \d+, column \d+\): expected one of INFORMATIONAL, .*; got "HIGHEST"; did you mean "HIGH"\?/,
    },
    {
      case: 'contradictory severity min/max',
      text: withRoute(
        '    match:\n      severity: { min: CRITICAL, max: LOW }\n'
      ),
      expected:
        /^route "r", match\[0\]\.severity \(line \d+, column \d+\): min is above max/,
    },
    {
      case: 'contradictory score min/max',
      text: withRoute('    match:\n      score: { min: 9, max: 4 }\n'),
      expected:
        /^route "r", match\[0\]\.score \(line \d+, column \d+\): min is above max/,
    },
    {
      case: 'a score out of range',
      text: withRoute('    match:\n      score: { min: 11 }\n'),
      expected:
        /^route "r", match\[0\]\.score\.min \(line \d+, column \d+\): a score is between 0 and 10/,
    },
    {
      case: 'a bad date',
      text: `${withRoute('')}suppressions:\n  - name: s\n    reason: r\n    expires: 2027-02-30\n    match: { product: Inspector }\n`,
      expected:
        /^suppression "s", expires \(line \d+, column \d+\): not a real calendar date/,
    },
    {
      case: 'a date in the wrong format',
      text: `${withRoute('')}suppressions:\n  - name: s\n    reason: r\n    expires: 31/01/2027\n    match: { product: Inspector }\n`,
      expected:
        /^suppression "s", expires \(line \d+, column \d+\): expected a date \(2027-01-31\)/,
    },
    {
      case: 'a suppression without a reason',
      text: `${withRoute('')}suppressions:\n  - name: s\n    match: { product: Inspector }\n`,
      expected:
        /^suppression "s", reason \(line \d+, column \d+\): expected string, got nothing/,
    },
    {
      case: 'an empty condition',
      text: withRoute('    match: {}\n'),
      expected:
        /^route "r", match\[0\] \(line \d+, column \d+\): an empty condition would match every finding/,
    },
    {
      case: 'duplicate route names',
      text: `routes:\n  - name: r\n    topicArn: ${TOPIC}\n  - name: r\n    topicArn: ${TOPIC}\n`,
      expected:
        /^route "r", name \(line 4, column 11\): duplicate name "r" \(already used by routes\[0\]\)/,
    },
    {
      case: 'a bad account id',
      text: withRoute('    match:\n      account: 1234\n'),
      expected:
        /^route "r", match\[0\]\.account\[0\] \(line \d+, column \d+\): expected string, got number 1234/,
    },
    {
      case: 'a bad region',
      text: withRoute('    match:\n      region: mars-1\n'),
      expected:
        /^route "r", match\[0\]\.region\[0\] \(line \d+, column \d+\): expected an AWS region/,
    },
    {
      case: 'a reversed port range',
      text: withRoute("    match:\n      ports: ['9000-80']\n"),
      expected:
        /^route "r", match\[0\]\.ports\[0\] \(line \d+, column \d+\): port range "9000-80" runs from high to low/,
    },
    {
      case: 'a port out of range',
      text: withRoute('    match:\n      ports: [70000]\n'),
      expected:
        /^route "r", match\[0\]\.ports\[0\] \(line \d+, column \d+\): expected a port \(22\) or a range/,
    },
    {
      case: 'an EPSS minimum above 1',
      text: withRoute('    match:\n      epssMin: 5\n'),
      expected:
        /^route "r", match\[0\]\.epssMin \(line \d+, column \d+\): EPSS is a probability between 0 and 1: write 0\.1 for 10 %/,
    },
    {
      case: 'a bad tag test',
      text: withRoute('    match:\n      tags: { team: 5 }\n'),
      expected:
        /^route "r", match\[0\]\.tags\.team \(line \d+, column \d+\): expected true \(key present\), false \(key absent\) or a value pattern/,
    },
    {
      case: 'an unknown format',
      text: withRoute('    format: teams\n'),
      expected:
        /^route "r", format \(line \d+, column \d+\): expected one of chatbot.*; got "teams"/,
    },
    {
      case: 'a non-positive dedup window',
      text: `${withRoute('')}dedup:\n  windowHours: 0\n`,
      expected:
        /^dedup\.windowHours \(line 5, column 16\): at least one minute/,
    },
    {
      case: 'a bad route name',
      text: `routes:\n  - name: 'has spaces'\n    topicArn: ${TOPIC}\n`,
      expected:
        /^route "has spaces", name \(line 2, column 11\): use 1-64 letters/,
    },
  ])('rejects $case with a specific message', ({ text, expected }) => {
    // Act
    const problems = problemsOf(text);

    // Assess
    expect(problems.some((problem) => expected.test(problem))).toBe(true);
  });

  it('reports every problem at once', () => {
    // Prepare
    const text = `routes:\n  - name: r\n    topicArn: nope\n    formatt: x\n    match:\n      severity: { min: HUGE }\ndedupp: {}\n`;

    // Act
    const problems = problemsOf(text);

    // Assess
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^route "r", topicArn \(line 3, column 15\):/),
        expect.stringMatching(/^route "r", formatt \(line 4, column 5\):/),
        expect.stringMatching(
          /^route "r", match\[0\]\.severity\.min \(line 6, column 24\):/
        ),
        expect.stringMatching(/^dedupp \(line 7, column 1\):/),
      ])
    );
  });

  it('names the source in the error message', () => {
    // Act & Assess
    expect(() => parseConfig('routes: []', 'my-config.yaml')).toThrow(
      /Invalid configuration \(my-config\.yaml\):\n {2}- routes \(line 1, column 9\): define at least one route/
    );
  });
});
