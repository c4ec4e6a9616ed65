import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfigCommand } from '../../../src/config/check-command.js';

const run = async (argv: string[]) => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await checkConfigCommand(argv, {
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
};

const fileWith = (text: string) => {
  const path = join(
    mkdtempSync(join(tmpdir(), 'config-check-')),
    'config.yaml'
  );
  writeFileSync(path, text);
  return path;
};

describe('Command: config:check', () => {
  it('accepts the example config and warns about its expired suppression', async () => {
    // Act
    const result = await run(['config/example.yaml']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /config\/example\.yaml: valid — 4 route\(s\)/
    );
    expect(result.stderr).toMatch(
      /^warning: suppression "old-openssl-waiver", expires \(line 70, column 14\): expired 2024-01-02T00:00:00\.000Z and no longer applies/
    );
  });

  it('exits 2 and lists the problems of an invalid file', async () => {
    // Prepare
    const path = fileWith('routes:\n  - name: r\n    topicArn: nope\n');

    // Act
    const result = await run([path]);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /route "r", topicArn \(line 3, column 15\): expected a standard SNS topic ARN/
    );
  });

  it('exits 2 with usage when no file is given', async () => {
    // Act
    const result = await run([]);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Usage: npm run config:check -- FILE/);
  });
});
