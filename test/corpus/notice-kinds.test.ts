import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/replay/cli.js';
import { CORPUS_DIR, corpusExists } from '../helpers/corpus.js';
import { EVENTS_DIR } from '../helpers/events.js';

type Row = {
  input: { file: string; index: number };
  outcome: string;
  reason: string;
  routes?: { route: string; outcome: string; variant?: string }[];
  messages?: { route: string; subject: string; message: string }[];
};

const replay = async (args: string[]): Promise<Row[]> => {
  const lines: string[] = [];
  const status = await main(['--json', ...args], {
    stdout: (line) => lines.push(line),
    stderr: () => undefined,
  });
  expect(status).toBe(0);
  return lines.map((line) => JSON.parse(line) as Row);
};

const FOLDERS = [
  'inspector2-coverage',
  'inspector2-scan',
  'securityhub-custom-action',
];

/** file → what a person expects with config/notices.yaml, per finding row. */
const EXPECTED: Record<string, string[]> = {
  'azure-vm-coverage-active-docs': ['security-scanning'],
  'ec2-coverage-inactive-unmanaged-docs': [
    'platform-blind-spots',
    'security-scanning',
  ],
  'ec2-initial-scan-complete-docs': ['filtered'],
  'ecr-initial-scan-complete-docs': ['filtered'],
  'lambda-initial-scan-complete-docs': ['filtered'],
  'ecr-initial-scan-complete-ecr-docs-2021': ['security-scanning'],
  'machine-image-initial-scan-complete-docs': ['security-scanning'],
  'ondemand-scan-complete-successful-docs': ['security-scanning'],
  'ondemand-scan-complete-failed-docs': ['security-scanning'],
  'asr-cis-multi-select-2-findings': ['shared-by-people', 'shared-by-people'],
  'asr-fsbp-iam.6-2-findings': ['shared-by-people', 'shared-by-people'],
  'jira-sample-fsbp-ec2.8-new': ['shared-by-people'],
  'jira-sample-fsbp-notified': ['shared-by-people'],
};

const routesOf = (row: Row) =>
  row.outcome === 'published'
    ? (row.routes ?? [])
        .filter((route) => route.outcome === 'published')
        .map((route) => route.route)
    : [row.outcome];

const roots = [
  { name: 'events/', dir: EVENTS_DIR, present: true },
  { name: 'corpus', dir: CORPUS_DIR, present: corpusExists },
];

describe.each(roots)(
  'Notices and custom actions in $name',
  ({ dir, present }) => {
    const files = Object.keys(EXPECTED);

    it.skipIf(!present).each(files)(
      '%s gives the expected outcome with a config that asks for it, and ignored without',
      async (name) => {
        // Prepare
        const folder =
          FOLDERS.find((candidate) =>
            name.includes('coverage')
              ? candidate === 'inspector2-coverage'
              : name.includes('scan')
                ? candidate === 'inspector2-scan'
                : candidate === 'securityhub-custom-action'
          ) ?? '';
        const file = join(dir, folder, `${name}.json`);

        // Act
        const asking = await replay(['--config', 'config/notices.yaml', file]);
        const notAsking = await replay([
          '--config',
          'config/example.yaml',
          file,
        ]);

        // Assess
        expect(asking.flatMap(routesOf)).toEqual(EXPECTED[name]);
        expect(notAsking.map((row) => row.outcome)).toEqual(['ignored']);
        expect(notAsking[0]?.reason).toMatch(/^no route asks for /);
      }
    );
  }
);

describe('A fleet losing SSM at once (events/inspector2-coverage/fleet-ssm-loss-200-instances.json)', () => {
  const fleet = join(
    EVENTS_DIR,
    'inspector2-coverage',
    'fleet-ssm-loss-200-instances.json'
  );

  it.each([
    ['as one batch (--batch)', ['--batch']],
    // The 200 changes arrive over 60 s: a 60 s window holds them all.
    ['in buffered mode with a 60 s window', ['--window', '60']],
  ])(
    'replayed %s, is one notice per route naming the count, the first resources and the coverage console',
    async (_, mode) => {
      // Act
      const rows = await replay([
        '--config',
        'config/notices.yaml',
        ...mode,
        fleet,
      ]);

      // Assess
      expect(rows).toHaveLength(200);
      expect(rows.every((row) => row.outcome === 'published')).toBe(true);
      const messages = new Map(
        rows.flatMap((row) =>
          (row.messages ?? []).map((message) => [
            `${message.route}\n${message.message}`,
            message,
          ])
        )
      );
      expect(
        [...messages.values()].map((message) => message.route).sort()
      ).toEqual(['platform-blind-spots', 'security-scanning']);
      for (const message of messages.values()) {
        expect(message.subject).toBe(
          '[NOT SCANNED] 200 EC2 instances not scanned by Inspector (UNMANAGED_EC2_INSTANCE)'
        );
        expect(message.message).toContain('i-0aa00000000000000');
        expect(message.message).toContain('i-0aa00000000000001');
        expect(message.message).toContain(
          'https://console.aws.amazon.com/inspector/v2/home?region=us-east-1'
        );
        expect(message.message).toMatch(/and \d+ more resources/);
      }
    }
  );

  it('replayed one event per invocation (direct mode), is one notice per instance and route', async () => {
    // Act
    const rows = await replay([
      '--config',
      'config/notices.yaml',
      '--direct',
      fleet,
    ]);

    // Assess
    const subjects = new Set(
      rows.flatMap((row) =>
        (row.messages ?? []).map((m) => `${m.route} ${m.subject}`)
      )
    );
    expect(subjects.size).toBe(400);
  });
});
