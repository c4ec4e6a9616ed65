import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/replay/cli.js';
import { EVENTS_DIR, readJson } from '../helpers/events.js';

type Message = {
  route: string;
  topicArn: string;
  format: string;
  subject: string;
  message: string;
  messageStructure: 'json' | null;
  attributes: Record<string, string>;
};

type Line = {
  input: { file: string; index: number };
  eventId: string | null;
  detailType: string | null;
  findingId: string | null;
  provider: string | null;
  type: string | null;
  severity: string | null;
  score: number | null;
  outcome: string;
  reason: string | null;
  routes: { route: string; outcome: string }[];
  messages: Message[];
};

/** Runs the replay command with captured output. */
const replay = async (argv: string[]) => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, {
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
  });
  return { code, stdout, stderr: stderr.join('\n') };
};

const replayJson = async (argv: string[]) => {
  const { code, stdout, stderr } = await replay(['--json', ...argv]);
  return {
    code,
    stderr,
    lines: stdout.map((line) => JSON.parse(line) as Line),
  };
};

/** How many events `events/` holds, counted from the files themselves. */
const sampleEventCount = () =>
  readdirSync(EVENTS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .flatMap((folder) =>
      readdirSync(join(EVENTS_DIR, folder))
        .filter((name) => name.endsWith('.json'))
        .map((name) => readJson(join(EVENTS_DIR, folder, name)))
    )
    .reduce<number>(
      (count, document) =>
        count + (Array.isArray(document) ? document.length : 1),
      0
    );

const KEYS = [
  'input',
  'eventId',
  'source',
  'detailType',
  'findingId',
  'provider',
  'type',
  'title',
  'resource',
  'severity',
  'score',
  'scoreSource',
  'providerSeverity',
  'lifecycle',
  'outcome',
  'reason',
  'routes',
  'messages',
].sort();

describe('Command: replay', () => {
  describe('default run over events/', () => {
    let human: Awaited<ReturnType<typeof replay>>;
    let json: Awaited<ReturnType<typeof replayJson>>;

    beforeAll(async () => {
      human = await replay([]);
      json = await replayJson([]);
    });

    it('exits 0 with nothing on stderr', () => {
      expect(human.code).toBe(0);
      expect(human.stderr).toBe('');
    });

    it('ends with a table of the findings by outcome and severity', () => {
      // Prepare
      const count = (values: (string | null)[]) => {
        const counts = new Map<string, number>();
        for (const value of values) {
          if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
        }
        return counts;
      };
      const outcomes = count(json.lines.map((line) => line.outcome));
      const severities = count(json.lines.map((line) => line.severity));

      // Act
      const start = human.stdout.findIndex((line) =>
        line.startsWith('Summary: ')
      );
      const [title, header, ...rows] = human.stdout.slice(start);
      const columns = (header ?? '').trim().split(/\s+/);
      const cell = (row: string, column: string) => {
        const cells = (rows.find((line) => line.startsWith(`${row} `)) ?? '')
          .trim()
          .split(/\s+/);
        return Number(cells[columns.indexOf(column)]);
      };

      // Assess
      expect(title).toBe(`Summary: ${sampleEventCount()} event(s)`);
      expect(columns[0]).toBe('outcome');
      expect(columns.at(-1)).toBe('total');
      for (const [outcome, n] of outcomes)
        expect(cell(outcome, 'total')).toBe(n);
      for (const [severity, n] of severities)
        expect(cell('total', severity)).toBe(n);
      // 2 kinds not handled + 213 coverage, scan and custom-action events
      // that no route of the example config asks for.
      expect(cell('ignored', '-')).toBe(215);
    });

    it('prints one JSON line per finding or finding-less event, all with the same keys', () => {
      // Assess
      expect(json.code).toBe(0);
      expect(json.lines.length).toBeGreaterThanOrEqual(sampleEventCount());
      for (const line of json.lines) {
        expect(Object.keys(line).sort()).toEqual(KEYS);
        expect(line.input).toEqual({
          file: expect.stringMatching(/^events\/.+\.json$/),
          index: expect.any(Number),
        });
      }
    });

    it('describes each finding: id, provider, type, severity and score', () => {
      // Prepare
      const line = json.lines.find((candidate) =>
        candidate.input.file.endsWith(
          'lambda-package-vuln-high-exploit-available-docs.json'
        )
      );

      // Assess
      expect(line).toMatchObject({
        eventId: expect.any(String),
        detailType: 'Inspector2 Finding',
        findingId:
          'arn:aws:inspector2:eu-central-1:123456789012:finding/7663949661c451aaf33f05390ccce8e4',
        provider: 'Inspector',
        type: 'PACKAGE_VULNERABILITY',
        severity: 'HIGH',
        score: 7.5,
        outcome: 'published',
        reason: 'published to security-critical',
      });
    });

    it('gives each message its route, topic, format, subject, SNS message string and attributes', () => {
      // Prepare
      const messages = json.lines.flatMap((line) =>
        line.messages.map((message) => ({ line, message }))
      );

      // Assess
      expect(messages.length).toBeGreaterThan(0);
      for (const { line, message } of messages) {
        expect(message.route).toEqual(expect.any(String));
        expect(message.topicArn).toMatch(/^arn:aws:sns:[\w-]+:\d{12}:[\w-]+$/);
        expect(message.subject.length).toBeLessThanOrEqual(100);
        expect(message.subject).toMatch(/^[\x20-\x7e]+$/);
        expect(typeof message.message).toBe('string');
        const body = JSON.parse(message.message);
        const chatbot =
          message.messageStructure === 'json' ? JSON.parse(body.https) : body;
        if (message.format === 'slack') {
          expect(body).toMatchObject({ text: expect.any(String) });
          expect(body.blocks.length).toBeGreaterThan(0);
        } else {
          expect(message.format).toBe('chatbot');
          expect(chatbot).toMatchObject({ version: '1.0', source: 'custom' });
        }
        expect(message.attributes).toMatchObject({
          severity: line.severity,
          route: message.route,
        });
      }
      // config/example.yaml has a slack route and a per-protocol route.
      expect(new Set(messages.map(({ message }) => message.format))).toEqual(
        new Set(['chatbot', 'slack'])
      );
      expect(
        messages.some(({ message }) => message.messageStructure === 'json')
      ).toBe(true);
    });

    it('gives an ignored event a null finding and its reason', () => {
      // Prepare
      const ignored = json.lines.filter((line) => line.outcome === 'ignored');

      // Assess
      expect(ignored).toHaveLength(215);
      for (const line of ignored) {
        expect(line).toMatchObject({
          findingId: null,
          severity: null,
          messages: [],
          reason: expect.stringMatching(/is not handled$|^no route asks for /),
        });
      }
      expect(
        ignored.filter((line) => /is not handled$/.test(line.reason ?? ''))
      ).toHaveLength(2);
    });
  });

  it('publishes a finding sent twice in the same state once, and reports the duplicate', async () => {
    // Act
    const { code, lines } = await replayJson([
      'events/inspector2/edge-resent-same-state.json',
    ]);

    // Assess
    expect(code).toBe(0);
    expect(lines.map((line) => line.outcome)).toEqual([
      'published',
      'duplicate',
    ]);
    expect(lines[0]?.findingId).toBe(lines[1]?.findingId);
    expect(lines[0]?.messages).toHaveLength(1);
    expect(lines[1]?.messages).toEqual([]);
    expect(lines[1]?.routes).toEqual([
      expect.objectContaining({
        route: 'security-critical',
        outcome: 'duplicate',
      }),
    ]);
  });

  it('exits 1 on malformed events, each rejected with the field it failed on', async () => {
    // Act
    const { code, lines } = await replayJson(['test/fixtures/malformed']);

    // Assess
    expect(code).toBe(1);
    const reasons = Object.fromEntries(
      lines.map((line) => [line.input.file.split('/').pop(), line.reason])
    );
    expect(lines.every((line) => line.outcome === 'rejected')).toBe(true);
    expect(reasons).toEqual({
      'empty-findings.json': expect.stringMatching(/^detail\.findings: /),
      'missing-detail.json': expect.stringMatching(/^detail: /),
      'truncated.json': expect.stringMatching(/^invalid JSON: /),
      'wrong-types.json': expect.stringMatching(
        /detail\.resources: .*detail\.inspectorScore: /
      ),
    });
  });

  it('exits 1 on a V2 event with one malformed finding, and announces the other', async () => {
    // Act
    const { code, lines } = await replayJson([
      'test/fixtures/partly-malformed/v2-one-bad-finding-of-two.json',
    ]);

    // Assess
    expect(code).toBe(1);
    expect(lines.map((line) => [line.outcome, line.reason])).toEqual([
      ['published', expect.any(String)],
      [
        'rejected',
        expect.stringMatching(/^detail\.findings\[0\]\.severity_id: /),
      ],
    ]);
    expect(lines[1]?.findingId).toBe(
      'arn:aws:guardduty:us-east-1:123456789012:detector/6ec1a2b3c4d5e6f708192a3b4c5d6e7f/finding/bad0000000000000000000000000bad0'
    );
    expect(Object.keys(lines[1] ?? {}).sort()).toEqual(KEYS);
  });

  it('replays get-findings-v2 output, saying each finding was wrapped', async () => {
    // Prepare: the V2 samples' findings as the CLI lists them.
    const listing = {
      Findings: [
        'cspm-control-s3.8-failed-high',
        'macie-s3-sensitive-data-medium',
      ]
        .map((name) =>
          readJson(join(EVENTS_DIR, 'securityhub-v2', `${name}.json`))
        )
        .flatMap(
          (event) =>
            (event as { detail: { findings: unknown[] } }).detail.findings
        ),
    };
    const dir = mkdtempSync(join(tmpdir(), 'replay-v2-'));
    const file = join(dir, 'get-findings-v2.json');
    writeFileSync(file, JSON.stringify(listing));

    // Act
    const human = await replay(['--no-messages', file]);
    const { code, lines } = await replayJson([file]);
    rmSync(dir, { recursive: true });

    // Assess
    expect(code).toBe(0);
    expect(human.code).toBe(0);
    expect(
      lines.map((line) => [line.detailType, line.type, line.outcome])
    ).toEqual([
      ['Findings Imported V2', 'SECURITY_CONTROL', 'published'],
      // No route of the example config takes a MEDIUM data finding.
      ['Findings Imported V2', 'SENSITIVE_DATA', 'filtered'],
    ]);
    expect(human.stdout.join('\n')).toContain('(wrapped OCSF finding)');
  });

  it('exits 2 on an invalid configuration, listing the problems on stderr', async () => {
    // Act
    const { code, stdout, stderr } = await replay([
      '--config',
      'test/fixtures/config/invalid.yaml',
    ]);

    // Assess
    expect(code).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr).toContain('test/fixtures/config/invalid.yaml');
    expect(stderr).toContain('route "critical", topicArn (line 4, column 5)');
    expect(stderr).toContain('route "critical", format (line 5, column 13)');
  });

  it('exits 2 when the configuration file does not exist', async () => {
    // Act
    const { code, stderr } = await replay(['--config', 'no/such/config.yaml']);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain('no/such/config.yaml');
  });

  it('exits 2 on an unknown option, with the usage', async () => {
    // Act
    const { code, stdout, stderr } = await replay(['--bogus']);

    // Assess
    expect(code).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr).toContain("Unknown option '--bogus'");
    expect(stderr).toContain('Usage:');
  });

  it('exits 2 on a path that does not exist, naming it', async () => {
    // Act
    const { code, stdout, stderr } = await replay(['no/such/events']);

    // Assess
    expect(code).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr).toContain('no/such/events');
  });

  it('prints the usage for --help and exits 0', async () => {
    // Act
    const { code, stdout } = await replay(['--help']);

    // Assess
    expect(code).toBe(0);
    expect(stdout.join('\n')).toMatch(/^Usage: npm run replay/);
  });
});
