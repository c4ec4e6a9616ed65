import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/replay/cli.js';
import { REPO_ROOT } from '../helpers/events.js';

const SAMPLE = join(
  REPO_ROOT,
  'events/inspector2/lambda-package-vuln-high-exploit-available-docs.json'
);
const EVENT = JSON.parse(readFileSync(SAMPLE, 'utf8')) as unknown;
const ONE_LINE = JSON.stringify(EVENT);

const folder = () => mkdtempSync(join(tmpdir(), 'replay-inputs-'));

const replay = async (paths: string[]) => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(['--json', ...paths], {
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
  });
  const lines = stdout.map(
    (line) => JSON.parse(line) as { outcome: string; reason: string | null }
  );
  return { code, lines, stderr: stderr.join('\n') };
};

const utf16be = (text: string) => {
  const bytes = Buffer.from(text, 'utf16le');
  for (let i = 0; i < bytes.length; i += 2) {
    const low = bytes[i] ?? 0;
    bytes[i] = bytes[i + 1] ?? 0;
    bytes[i + 1] = low;
  }
  return bytes;
};

describe('Replay: the files people have', () => {
  it.each([
    {
      case: 'UTF-8 with a byte order mark',
      bytes: Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(ONE_LINE),
      ]),
    },
    {
      case: 'UTF-16 LE with a byte order mark (PowerShell >)',
      bytes: Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(ONE_LINE, 'utf16le'),
      ]),
    },
    {
      case: 'UTF-16 BE with a byte order mark',
      bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(ONE_LINE)]),
    },
    {
      case: 'UTF-16 LE without a mark',
      bytes: Buffer.from(ONE_LINE, 'utf16le'),
    },
  ])('reads $case', async ({ bytes }) => {
    // Prepare
    const file = join(folder(), 'event.json');
    writeFileSync(file, bytes);

    // Act
    const result = await replay([file]);

    // Assess
    expect(result.code).toBe(0);
    expect(result.lines.map((line) => line.outcome)).toEqual(['published']);
  });

  it.each([
    { case: 'a .jsonl file', name: 'events.jsonl' },
    { case: 'a .ndjson file', name: 'events.ndjson' },
    { case: 'JSON Lines in a .json file', name: 'events.json' },
  ])('reads JSON Lines in $case', async ({ name }) => {
    // Prepare: the same finding twice, so the second is a duplicate.
    const file = join(folder(), name);
    writeFileSync(file, `${ONE_LINE}\n${ONE_LINE}\n\n`);

    // Act
    const result = await replay([file]);

    // Assess
    expect(result.lines.map((line) => line.outcome)).toEqual([
      'published',
      'duplicate',
    ]);
  });

  it('names the line of a broken JSON Lines file', async () => {
    // Prepare
    const file = join(folder(), 'events.jsonl');
    writeFileSync(file, `${ONE_LINE}\n{"broken": \n`);

    // Act
    const result = await replay([file]);

    // Assess
    expect(result.code).toBe(1);
    expect(result.lines.at(-1)?.reason).toMatch(/^invalid JSON Lines: line 2:/);
  });

  it('reads .JSON files in a folder, whatever the case of the extension', async () => {
    // Prepare
    const dir = folder();
    writeFileSync(join(dir, 'EVENT.JSON'), ONE_LINE);
    writeFileSync(join(dir, 'notes.txt'), 'not an event');

    // Act
    const result = await replay([dir]);

    // Assess
    expect(result.lines.map((line) => line.outcome)).toEqual(['published']);
  });

  it('warns about an empty folder', async () => {
    // Prepare
    const dir = folder();
    mkdirSync(join(dir, 'nothing'));

    // Act
    const result = await replay([join(dir, 'nothing')]);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /replay: warning: .*nothing: no \.json, \.jsonl or \.ndjson files found/
    );
    expect(result.stderr).toMatch(/replay: warning: no events to replay/);
  });

  it.each([
    { case: 'an empty findings listing', text: '{"Findings": []}' },
    { case: 'an empty array', text: '[]' },
    { case: 'an empty file', text: '' },
  ])('warns about $case', async ({ text }) => {
    // Prepare
    const file = join(folder(), 'empty.json');
    writeFileSync(file, text);

    // Act
    const result = await replay([file]);

    // Assess
    expect(result.lines).toEqual([]);
    expect(result.stderr).toMatch(
      /replay: warning: .*empty\.json: holds no events/
    );
  });

  it('stops quietly when the reader closes the pipe (replay | head -1)', async () => {
    // Prepare
    const child = spawn('npx', ['tsx', 'scripts/replay.ts'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });

    // Act: read the first chunk, then close the pipe as head does.
    await new Promise<void>((resolve) =>
      child.stdout.once('data', () => {
        child.stdout.destroy();
        resolve();
      })
    );
    const code = await new Promise<number | null>((resolve) =>
      child.on('close', resolve)
    );

    // Assess
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  }, 60_000);
});
