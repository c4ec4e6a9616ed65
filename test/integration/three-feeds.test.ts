import {
  BatchUpdateFindingsCommand,
  BatchUpdateFindingsV2Command,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSecurityHubAcknowledger } from '../../src/acknowledge/security-hub-acknowledger.js';
import { parseConfig } from '../../src/config/parse-config.js';
import type { DedupStore } from '../../src/dedup/dedup-store.js';
import { createDynamoDbDedupStore } from '../../src/dedup/dynamodb-store.js';
import { anInvocation, deliveriesOf } from '../helpers/delivery-rig.js';
import { type LocalDynamo, startDynalite } from '../helpers/dynalite.js';
import {
  type FindingState,
  findingArn,
  inspector2EventFor,
  securityHubEventFor,
  securityHubV2EventFor,
} from '../helpers/finding-events.js';

const CONFIG = parseConfig(
  `
routes:
  - name: security
    topicArn: arn:aws:sns:eu-central-1:123456789012:security
    match: { severity: { min: HIGH } }
    announceResolutions: true
  - name: everything
    topicArn: arn:aws:sns:eu-central-1:123456789012:all
`,
  'three-feeds.test.yaml'
);

const T0 = Date.parse('2026-03-01T12:00:00Z');
const ARN = findingArn(0x3f);

/** The three events AWS sends for one Inspector finding state. */
const FEEDS = {
  inspector2: (state: FindingState) => inspector2EventFor(state),
  asff: (state: FindingState) => securityHubEventFor(state),
  v2: (state: FindingState) => securityHubV2EventFor(state),
} as const;

type Feed = keyof typeof FEEDS;

const ORDERS: Feed[][] = [
  ['inspector2', 'asff', 'v2'],
  ['inspector2', 'v2', 'asff'],
  ['asff', 'inspector2', 'v2'],
  ['asff', 'v2', 'inspector2'],
  ['v2', 'inspector2', 'asff'],
  ['v2', 'asff', 'inspector2'],
];

describe('One Inspector finding through three feeds (Inspector2, ASFF, V2)', () => {
  const sns = mockClient(SNSClient);
  const securityHub = mockClient(SecurityHubClient);
  let dynamo: LocalDynamo;
  let dedup: DedupStore;
  let clock: number;
  const now = () => new Date(clock);

  beforeAll(async () => {
    dynamo = await startDynalite();
  });
  afterAll(async () => {
    await dynamo?.stop();
  });
  beforeEach(async () => {
    sns.reset();
    securityHub.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    clock = T0;
    dedup = createDynamoDbDedupStore({
      client: dynamo.client,
      tableName: await dynamo.createTable(),
    });
  });

  it.each(ORDERS)(
    'publishes once per route for the order %s, %s, %s',
    async (...order) => {
      // Prepare
      const invoke = anInvocation({ config: CONFIG, dedup, now });

      // Act
      const reports = [];
      for (const feed of order) {
        reports.push(await invoke(FEEDS[feed]({ arn: ARN, severity: 'HIGH' })));
        clock += 60_000;
      }

      // Assess
      expect(reports.map(deliveriesOf)).toEqual([
        ['security published new', 'everything published new'],
        ['security duplicate', 'everything duplicate'],
        ['security duplicate', 'everything duplicate'],
      ]);
      expect(sns).toReceiveCommandTimes(PublishCommand, 2);
    }
  );

  it.each<[string, Feed, FindingState['status'] | 'close']>([
    ['a V2 Close activity', 'v2', 'close'],
    ['a V2 Resolved status', 'v2', 'CLOSED'],
    ['an Inspector2 CLOSED', 'inspector2', 'CLOSED'],
    ['an archived ASFF copy', 'asff', 'CLOSED'],
  ])(
    'announces %s after the announcement once, whichever feed repeats it',
    async (_name, feed, closing) => {
      // Prepare
      const invoke = anInvocation({ config: CONFIG, dedup, now });
      await invoke(FEEDS.inspector2({ arn: ARN, severity: 'HIGH' }));
      clock += 60_000;
      const closed =
        closing === 'close'
          ? securityHubV2EventFor({ arn: ARN, severity: 'HIGH', close: true })
          : FEEDS[feed]({ arn: ARN, severity: 'HIGH', status: closing });

      // Act
      const resolution = await invoke(closed);
      const repeats = [];
      for (const other of ['inspector2', 'asff', 'v2'] as const) {
        clock += 60_000;
        repeats.push(
          await invoke(
            FEEDS[other]({ arn: ARN, severity: 'HIGH', status: 'CLOSED' })
          )
        );
      }

      // Assess: the route without announceResolutions leaves them out.
      expect(deliveriesOf(resolution)).toEqual(['security published resolved']);
      expect(repeats.map(deliveriesOf)).toEqual([
        ['security duplicate'],
        ['security duplicate'],
        ['security duplicate'],
      ]);
      expect(sns).toReceiveCommandTimes(PublishCommand, 3);
    }
  );

  it('sets an announced V2 finding to In Progress once; its In Progress re-import is not announced', async () => {
    // Prepare
    const config = parseConfig(
      `
routes:
  - name: security
    topicArn: arn:aws:sns:eu-central-1:123456789012:security
    acknowledge: true
  - name: everything
    topicArn: arn:aws:sns:eu-central-1:123456789012:all
`,
      'acknowledge.yaml'
    );
    securityHub.on(BatchUpdateFindingsV2Command).resolves({
      ProcessedFindings: [],
      UnprocessedFindings: [],
    });
    const invoke = anInvocation({
      config,
      dedup,
      now,
      acknowledger: createSecurityHubAcknowledger(
        () => new SecurityHubClient({ region: 'eu-central-1' })
      ),
    });

    // Act
    const first = await invoke(
      securityHubV2EventFor({ arn: ARN, severity: 'HIGH' })
    );
    clock += 5_000;
    const inProgress = await invoke(
      securityHubV2EventFor({
        arn: ARN,
        severity: 'HIGH',
        workflow: 'NOTIFIED',
      })
    );
    const asffCopy = await invoke(
      securityHubEventFor({ arn: ARN, severity: 'HIGH', workflow: 'NEW' })
    );

    // Assess
    expect(deliveriesOf(first)).toEqual([
      'security published new',
      'everything published new',
    ]);
    expect(securityHub).toReceiveCommandTimes(BatchUpdateFindingsV2Command, 1);
    expect(securityHub).toReceiveCommandWith(BatchUpdateFindingsV2Command, {
      MetadataUids: [
        '4f1a9c3e7b2d5e8f0a6c1b4d7e9f2a5c8b0d3e6f9a1c4b7d0e2f5a8c1b3d6e9f',
      ],
      StatusId: 2,
      Comment: 'Announced by findings-notifier route security',
    });
    expect(first.acknowledgements).toEqual([
      { route: 'security', acknowledged: [ARN], failed: [] },
    ]);
    // Its own In Progress: a duplicate on the acknowledging route, left out
    // (workflow NOTIFIED) on the other.
    expect(deliveriesOf(inProgress)).toEqual(['security duplicate']);
    expect(inProgress.findings[0]?.outcome).toBe('duplicate');
    // The CSPM copy, still NEW there: duplicates, acknowledged through V1 once.
    expect(deliveriesOf(asffCopy)).toEqual([
      'security duplicate',
      'everything duplicate',
    ]);
    expect(securityHub).toReceiveCommandTimes(BatchUpdateFindingsV2Command, 1);
    expect(securityHub).toReceiveCommandTimes(BatchUpdateFindingsCommand, 0);
    expect(sns).toReceiveCommandTimes(PublishCommand, 2);
  });
});
