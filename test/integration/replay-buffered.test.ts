import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/replay/cli.js';
import { findingOnOwnFunction } from '../helpers/sqs-batch.js';

/** A burst: 12 findings of one CVE on 12 functions, 5 s apart. */
const burstFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'replay-buffered-'));
  writeFileSync(
    join(dir, 'config.yaml'),
    'routes:\n  - name: mail\n    topicArn: arn:aws:sns:eu-central-1:123456789012:mail\n    format: text\n'
  );
  const events = Array.from({ length: 12 }, (_, n) => ({
    ...findingOnOwnFunction(n, { severity: n === 0 ? 'CRITICAL' : 'HIGH' }),
    time: `2026-12-01T12:00:${String(n * 5).padStart(2, '0')}Z`,
  }));
  writeFileSync(join(dir, 'burst.json'), JSON.stringify(events));
  return dir;
};

const replay = async (args: readonly string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
  });
  return { code, out, err };
};

describe('Replay: what buffered mode would post', () => {
  it('prints a burst as one finding alone and one digest, printed once, the others pointing to it', async () => {
    const dir = burstFolder();

    const { code, out } = await replay([
      '--config',
      join(dir, 'config.yaml'),
      '--window',
      '60',
      join(dir, 'burst.json'),
    ]);

    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text.match(/Digest: 11 new findings: 11 HIGH/g)).toHaveLength(2); // subject and body, once
    expect(
      text.match(/→ mail: in digest \w+ part 1 of 1, 11 findings \(above\)/g)
    ).toHaveLength(10);
  });

  it('splits the burst by the window: 5 s windows make one message per event, as direct mode does', async () => {
    const dir = burstFolder();
    const rows = async (mode: readonly string[]) =>
      (
        await replay([
          '--json',
          '--config',
          join(dir, 'config.yaml'),
          ...mode,
          join(dir, 'burst.json'),
        ])
      ).out.map(
        (line) =>
          JSON.parse(line) as { routes: { digest: { id: string } | null }[] }
      );

    const digested = (await rows(['--window', '60'])).filter(
      (row) => row.routes[0]?.digest
    );
    const narrow = await rows(['--window', '5']);
    const direct = await rows(['--direct']);

    expect(digested).toHaveLength(11);
    expect(narrow.every((row) => row.routes[0]?.digest === null)).toBe(true);
    expect(narrow).toEqual(direct);
  });

  it('holds a burst that spans windows for one digest at its close: a held row, then the digest’s row', async () => {
    const dir = burstFolder();

    const { code, out } = await replay([
      '--json',
      '--config',
      join(dir, 'config.yaml'),
      '--window',
      '30',
      join(dir, 'burst.json'),
    ]);
    const rows = out.map(
      (line) =>
        JSON.parse(line) as {
          input: { file: string };
          outcome: string;
          reason: string;
          routes: { digest: { parts: number; findings: number } | null }[];
        }
    );

    expect(code).toBe(0);
    // 12 events 5 s apart: two 30 s batches of 6, one burst.
    expect(rows.map((row) => row.outcome)).toEqual([
      'published',
      ...Array(11).fill('held'),
      ...Array(11).fill('published'),
    ]);
    expect(rows[1]?.reason).toBe(
      'held for the burst digest of mail@2026-12-01T12:05:30.000Z'
    );
    const flushed = rows.slice(12);
    expect(
      flushed.every((row) => row.input.file === '(held on the queue)')
    ).toBe(true);
    expect(flushed.map((row) => row.routes[0]?.digest?.findings)).toEqual(
      Array(11).fill(11)
    );
  });

  it('refuses two modes at once and a window Lambda does not allow', async () => {
    expect((await replay(['--direct', '--batch'])).code).toBe(2);
    const { code, err } = await replay(['--window', '301']);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain(
      '--window takes whole seconds from 1 to 300'
    );
  });
});
