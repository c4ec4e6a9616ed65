import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/replay/cli.js';

const manyEvents = (count: number) => {
  const dir = mkdtempSync(join(tmpdir(), 'replay-progress-'));
  const event = JSON.parse(
    readFileSync(
      'events/inspector2/lambda-code-vuln-critical-cwe798-docs.json',
      'utf8'
    )
  );
  writeFileSync(
    join(dir, 'many.json'),
    JSON.stringify(Array.from({ length: count }, () => event))
  );
  return dir;
};

const run = async (
  dir: string,
  withProgress: boolean,
  mode: readonly string[] = ['--direct']
) => {
  const calls: [number, number][] = [];
  const code = await main(['--json', ...mode, dir], {
    stdout: () => undefined,
    stderr: () => undefined,
    ...(withProgress
      ? { progress: (done: number, total: number) => calls.push([done, total]) }
      : {}),
  });
  return { code, calls };
};

describe('Replay: progress', () => {
  it('reports progress after every event of a long run in direct mode when stderr is a terminal', async () => {
    // Act
    const { code, calls } = await run(manyEvents(250), true);

    // Assess
    expect(code).toBe(0);
    expect(calls).toHaveLength(250);
    expect(calls.at(-1)).toEqual([250, 250]);
  });

  it('reports progress after every batch in buffered mode', async () => {
    // Act: the 250 copies share one event time, so one window holds them.
    const { code, calls } = await run(manyEvents(250), true, []);

    // Assess
    expect(code).toBe(0);
    expect(calls).toEqual([[250, 250]]);
  });

  it('draws nothing for a short run', async () => {
    // Act
    const { calls } = await run(manyEvents(10), true);

    // Assess
    expect(calls).toEqual([]);
  });
});
