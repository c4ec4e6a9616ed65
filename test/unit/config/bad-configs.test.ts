import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfigCommand } from '../../../src/config/check-command.js';
import { sampleReachWarnings } from '../../../src/replay/sample-reach.js';
import { EVENTS_DIR, REPO_ROOT } from '../../helpers/events.js';

const DIR = join(REPO_ROOT, 'test/fixtures/bad-configs');
const NOW = new Date('2026-01-01T00:00:00Z');

/** Each file says in its header what is wrong and what config:check must say. */
const FIXTURES = readdirSync(DIR)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const header = (key: string) =>
      new RegExp(`^# ${key}: (.*)$`, 'm').exec(text)?.[1];
    return {
      name,
      mistake: header('mistake') ?? '',
      expect: header('expect'),
      names: header('names'),
      says: header('says') ?? '',
    };
  });

const check = async (name: string) => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await checkConfigCommand([join(DIR, name)], {
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    now: () => NOW,
    moreWarnings: (config) => sampleReachWarnings(config, EVENTS_DIR, NOW),
  });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
};

describe('config:check on the mistakes people make (test/fixtures/bad-configs)', () => {
  it('has 59 fixtures, each an error or a warning', () => {
    expect(FIXTURES).toHaveLength(59);
    for (const fixture of FIXTURES) {
      expect(['error', 'warning'], fixture.name).toContain(fixture.expect);
      expect(fixture.says, fixture.name).not.toBe('');
    }
  });

  it.each(FIXTURES.filter((fixture) => fixture.expect === 'error'))(
    'refuses $name ($mistake): exit 2, naming where and the fix',
    async ({ name, names, says }) => {
      // Act
      const result = await check(name);

      // Assess
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const problems = result.stderr
        .split('\n')
        .filter((line) => line.startsWith('  - '));
      const problem = problems.find((line) => line.includes(says));
      expect(problem, result.stderr).toBeDefined();
      expect(problem).toMatch(
        /\(line \d+, column \d+\)|at line \d+, column \d+/
      );
      if (names) expect(problem).toContain(`"${names}"`);
    }
  );

  it.each(FIXTURES.filter((fixture) => fixture.expect === 'warning'))(
    'warns about $name ($mistake): exit 0, on stderr',
    async ({ name, names, says }) => {
      // Act
      const result = await check(name);

      // Assess
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/: valid — /);
      const warning = result.stderr
        .split('\n')
        .find((line) => line.startsWith('warning: ') && line.includes(says));
      expect(warning, result.stderr).toBeDefined();
      if (names) expect(warning).toContain(`"${names}"`);
    }
  );
});
