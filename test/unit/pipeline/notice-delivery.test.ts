import { describe, expect, it } from 'vitest';
import type { ConfigError } from '../../../src/config/config-error.js';
import { parseConfig } from '../../../src/config/parse-config.js';
import { createMemoryDedupStore } from '../../../src/dedup/memory-store.js';
import { buildPipeline } from '../../../src/pipeline/build-pipeline.js';
import type { EventReport } from '../../../src/pipeline/outcome.js';
import { createLocalSink } from '../../../src/publish/local-sink.js';
import { aLog, deliveriesOf, NO_WAIT } from '../../helpers/delivery-rig.js';
import { getTestEvent } from '../../helpers/events.js';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012';

const rig = (yaml: string) => {
  let clock = Date.parse('2026-03-02T10:00:00Z');
  const pipeline = buildPipeline(parseConfig(yaml, 'inline'), {
    dedup: createMemoryDedupStore(),
    publisher: createLocalSink(),
    log: aLog(),
    now: () => new Date(clock),
    claimWait: NO_WAIT,
  });
  return {
    run: (event: unknown): Promise<EventReport> =>
      pipeline.run(structuredClone(event)),
    runBatch: (events: unknown[]) => pipeline.runBatch(structuredClone(events)),
    advance: (ms: number) => {
      clock += ms;
    },
  };
};

const coverage = (
  status: 'ACTIVE' | 'INACTIVE',
  instance = 'i-0aa00000000000001'
) => {
  const event = getTestEvent<Record<string, unknown>>(
    'inspector2-coverage',
    'ec2-coverage-inactive-unmanaged-docs'
  );
  return {
    ...event,
    resources: [instance],
    detail: {
      ...(event.detail as object),
      scanStatus: {
        statusCodeValue: status,
        reason: status === 'ACTIVE' ? 'SUCCESSFUL' : 'UNMANAGED_EC2_INSTANCE',
      },
    },
  };
};

const shared = () =>
  getTestEvent('securityhub-custom-action', 'jira-sample-fsbp-ec2.8-new');

describe('Config: the condition keys of notices and custom actions', () => {
  const errorOf = (match: string) => {
    try {
      parseConfig(
        `routes: [{ name: r, topicArn: '${TOPIC}:t', match: ${match} }]`,
        'inline'
      );
    } catch (error) {
      return (error as ConfigError).message;
    }
    return 'no error';
  };

  it.each([
    {
      match: '{ coverage: { reason: UNMANAGED_EC2 } }',
      says: 'route "r", match[0].coverage.reason[0] (line 1, column 100): expected one of',
      hint: 'did you mean "UNMANAGED_EC2_INSTANCE"?',
    },
    {
      match: '{ kind: coverag }',
      says: 'route "r", match[0].kind[0] (line 1, column 86): expected one of finding, coverage, scan, custom-action',
      hint: 'did you mean "coverage"?',
    },
    {
      match: '{ coverage: {} }',
      says: 'match[0].coverage (line 1, column',
      hint: '',
    },
  ])('names what is wrong in $match', ({ match, says, hint }) => {
    const message = errorOf(match);
    expect(message).toContain(says);
    expect(message).toContain(hint);
  });
});

describe('Pipeline: coverage notices', () => {
  it('never reach a route written for findings: the event is ignored', async () => {
    const { run } = rig(`routes: [{ name: all, topicArn: '${TOPIC}:all' }]`);
    const report = await run(coverage('INACTIVE'));
    expect(report.outcome).toBe('ignored');
    expect(report.reason).toBe(
      "no route asks for coverage (list kind: coverage in a route's match to announce them)"
    );
  });

  it('are filtered, with a reason, on a config mixing routes that do not ask', async () => {
    const { run } = rig(
      `routes:\n  - { name: findings, topicArn: '${TOPIC}:f' }\n  - { name: tags, topicArn: '${TOPIC}:t', match: { coverage: { reason: EXCLUDED_BY_TAG } } }`
    );
    const report = await run(coverage('INACTIVE'));
    expect(report.findings[0]?.outcome).toBe('filtered');
    expect(report.findings[0]?.reason).toBe(
      'no route matched (findings: the route does not ask for coverage (list kind: coverage in its match); tags: coverage reason UNMANAGED_EC2_INSTANCE is not EXCLUDED_BY_TAG)'
    );
  });

  it('announce a resource flapping between two statuses once per change within the window', async () => {
    const { run, advance } = rig(
      `routes: [{ name: c, topicArn: '${TOPIC}:c', match: { coverage: { status: [INACTIVE, ACTIVE] } } }]`
    );
    const outcomes: string[] = [];
    for (const status of [
      'INACTIVE',
      'ACTIVE',
      'INACTIVE',
      'ACTIVE',
    ] as const) {
      outcomes.push(...deliveriesOf(await run(coverage(status))));
      advance(60_000);
    }
    advance(24 * 3_600_000);
    outcomes.push(...deliveriesOf(await run(coverage('INACTIVE'))));
    expect(outcomes).toEqual([
      'c published new',
      'c published new',
      'c duplicate',
      'c duplicate',
      'c published reminder',
    ]);
  });

  it('group per route within one batch: one message for the fleet, a single one stays alone', async () => {
    const { runBatch } = rig(
      `routes: [{ name: c, topicArn: '${TOPIC}:c', match: { kind: coverage } }]`
    );
    const fleet = Array.from({ length: 5 }, (_, index) =>
      coverage('INACTIVE', `i-0aa0000000000000${index}`)
    );
    const reports = await runBatch([...fleet, shared()]);
    const messages = new Set(
      reports.flatMap((report) =>
        report.findings.flatMap((finding) =>
          finding.deliveries.map((delivery) => delivery.message)
        )
      )
    );
    expect(reports.map((report) => report.outcome)).toEqual([
      'processed',
      'processed',
      'processed',
      'processed',
      'processed',
      'ignored',
    ]);
    expect(messages.size).toBe(1);
    expect([...messages][0]?.subject).toBe(
      '[NOT SCANNED] 5 EC2 instances not scanned by Inspector (UNMANAGED_EC2_INSTANCE)'
    );
    const [alone] = await runBatch([
      coverage('INACTIVE', 'i-0bb00000000000000'),
    ]);
    expect(alone?.findings[0]?.deliveries[0]?.message?.subject).toBe(
      '[NOT SCANNED] Not scanned by Inspector: i-0bb00000000000000 (UNMANAGED_EC2_INSTANCE)'
    );
  });
});

describe('Pipeline: custom actions', () => {
  const config = (extra = '') =>
    `routes:\n  - { name: findings, topicArn: '${TOPIC}:f' }\n  - { name: shared, topicArn: '${TOPIC}:s', match: { customAction: slackMessaging }${extra} }\nsuppressions:\n  - { name: ec2-8, reason: accepted, match: { title: 'EC2.8 *' } }`;

  it('respect suppressions unless the route says so', async () => {
    const suppressed = await rig(config()).run(shared());
    const bypassed = await rig(
      config(', customActionsIgnoreSuppressions: true')
    ).run(shared());
    expect(suppressed.findings[0]?.outcome).toBe('suppressed');
    expect(deliveriesOf(bypassed)).toEqual(['shared published shared']);
  });

  it('post once for a double-click within a minute, again after it, whatever the dedup window says', async () => {
    const { run, advance } = rig(
      `routes: [{ name: s, topicArn: '${TOPIC}:s', dedupWindowHours: 24, match: { kind: custom-action } }]`
    );
    const first = deliveriesOf(await run(shared()));
    advance(30_000);
    const doubleClick = await run(shared());
    advance(60_000);
    const later = deliveriesOf(await run(shared()));
    expect(first).toEqual(['s published shared']);
    expect(deliveriesOf(doubleClick)).toEqual(['s duplicate']);
    expect(doubleClick.findings[0]?.reason).toContain(
      'already shared with this custom action within the last minute'
    );
    expect(later).toEqual(['s published shared']);
  });

  it('post resolved findings too: the default open-and-NEW rule does not apply', async () => {
    const event = getTestEvent(
      'securityhub-custom-action',
      'asr-cis-multi-select-2-findings'
    );
    const report = await rig(
      `routes: [{ name: s, topicArn: '${TOPIC}:s', match: { customAction: 'CIS 1.5 - 1.11*' } }]`
    ).run(event);
    expect(
      report.findings.map((finding) => [finding.lifecycle, finding.outcome])
    ).toEqual([
      ['OPEN', 'published'],
      ['RESOLVED', 'published'],
    ]);
    const body = report.findings[1]?.deliveries[0]?.message?.body ?? '';
    expect(body).toContain('Shared with the Security Hub custom action');
  });
});
