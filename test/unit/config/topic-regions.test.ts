import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfigCommand } from '../../../src/config/check-command.js';
import { parseConfig } from '../../../src/config/parse-config.js';
import {
  topicRegions,
  unallowedTopicRegions,
} from '../../../src/config/topic-regions.js';

const ROUTES = [
  'routes:',
  '  - { name: us, topicArn: "arn:aws:sns:us-east-1:123456789012:a" }',
  '  - { name: eu, topicArn: "arn:aws:sns:eu-west-1:123456789012:b" }',
  '  - { name: eu2, topicArn: "arn:aws:sns:eu-west-1:123456789012:c" }',
];

const check = async (lines: readonly string[]) => {
  const path = join(mkdtempSync(join(tmpdir(), 'regions-')), 'config.yaml');
  writeFileSync(path, lines.join('\n'));
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await checkConfigCommand([path], {
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
};

describe('Config: allowTopicRegions', () => {
  it('lists the topic Regions, and those it does not allow', () => {
    // Prepare
    const config = parseConfig(
      [...ROUTES, 'allowTopicRegions: [eu-west-1]'].join('\n'),
      'inline'
    );

    // Act & Assess
    expect(topicRegions(config)).toEqual(['us-east-1', 'eu-west-1']);
    expect(unallowedTopicRegions(config)).toEqual(['us-east-1']);
  });

  it('defaults to no other Region', () => {
    const config = parseConfig(ROUTES.join('\n'), 'inline');
    expect(config.allowTopicRegions).toEqual([]);
    expect(unallowedTopicRegions(config)).toEqual(['us-east-1', 'eu-west-1']);
  });

  it('warns about topics in several Regions it does not allow', async () => {
    // Act
    const result = await check(ROUTES);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'warning: routes: topics in several Regions (us-east-1, eu-west-1); synth and sam:params refuse this unless allowTopicRegions lists'
    );
  });

  it('does not warn when the other Regions are allowed', async () => {
    // Act
    const result = await check([...ROUTES, 'allowTopicRegions: [eu-west-1]']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('warns about an allowed Region no topic is in', async () => {
    // Act
    const result = await check([
      ...ROUTES,
      'allowTopicRegions:',
      '  - eu-west-1',
      '  - ap-south-1',
    ]);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^warning: allowTopicRegions\[1\] \(line \d+, column \d+\): no route topic is in ap-south-1; remove it$/
    );
  });

  it.each([
    {
      case: 'a name that is no Region',
      value: '[eu-westt-1]',
      says: 'expected an AWS Region name, e.g. eu-west-1',
    },
    {
      case: 'a Region listed twice',
      value: '[eu-west-1, eu-west-1]',
      says: 'list each Region once',
    },
    { case: 'a single name', value: 'eu-west-1', says: 'expected' },
  ])('refuses $case', async ({ value, says }) => {
    // Act
    const result = await check([...ROUTES, `allowTopicRegions: ${value}`]);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/allowTopicRegions.*\(line 5, column \d+\)/);
    expect(result.stderr).toContain(says);
  });
});
