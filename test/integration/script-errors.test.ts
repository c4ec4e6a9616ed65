import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/events.js';

const SAMPLE = 'events/inspector2/edge-excluded-by-tag.json';

/** Runs a script as `npm run` would, in `cwd`. */
const run = (script: string, args: string[], cwd = REPO_ROOT) => {
  const result = spawnSync(
    join(REPO_ROOT, 'node_modules/.bin/tsx'),
    [join(REPO_ROOT, script), ...args],
    { cwd, encoding: 'utf8', timeout: 60_000 }
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('Scripts: clear errors instead of silence or stack traces', () => {
  it('render-formats refuses an unknown format, listing the formats', () => {
    const result = run('scripts/render-formats.ts', [SAMPLE, 'teams']);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /render-formats: unknown format "teams"; expected one of chatbot, slack, text, per-protocol/
    );
  });

  it('render-formats names a missing file without a stack trace', () => {
    const result = run('scripts/render-formats.ts', ['no-such-event.json']);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /render-formats: cannot read no-such-event\.json: ENOENT/
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('render-formats still renders a known format', () => {
    const result = run('scripts/render-formats.ts', [SAMPLE, 'text']);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^--- text\nSubject: \[HIGH 8\.1\]/);
  });

  it('smoke says to build first when there is no bundle', () => {
    // Act: in an empty folder, where dist/ does not exist.
    const result = run(
      'scripts/smoke-bundle.ts',
      [],
      mkdtempSync(join(tmpdir(), 'smoke-'))
    );

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /smoke: .*dist\/notify-findings\/index\.mjs is missing: build the function first \(npm run build\)/
    );
  });
});
