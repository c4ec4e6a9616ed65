import {
  BatchUpdateFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import {
  PublishBatchCommand,
  type PublishBatchCommandInput,
  PublishCommand,
  SNSClient,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSecurityHubAcknowledger } from '../../src/acknowledge/security-hub-acknowledger.js';
import { parseConfig } from '../../src/config/parse-config.js';
import type { DedupStore } from '../../src/dedup/dedup-store.js';
import { createDynamoDbDedupStore } from '../../src/dedup/dynamodb-store.js';
import type { EventReport } from '../../src/pipeline/outcome.js';
import {
  aLog,
  anInvocation,
  deliveriesOf,
  NO_WAIT,
  SHORT_WAIT,
} from '../helpers/delivery-rig.js';
import { type LocalDynamo, startDynalite } from '../helpers/dynalite.js';
import {
  findingArn,
  inspector2EventFor,
  securityHubEventFor,
} from '../helpers/finding-events.js';

const SECURITY_TOPIC = 'arn:aws:sns:eu-central-1:123456789012:security';
const ALL_TOPIC = 'arn:aws:sns:eu-central-1:123456789012:all';

const CONFIG = parseConfig(
  `
routes:
  - name: security
    topicArn: ${SECURITY_TOPIC}
    match: { severity: { min: HIGH } }
    announceResolutions: true
    acknowledge: true
  - name: everything
    topicArn: ${ALL_TOPIC}
    # Each finding its own message: these tests count publishes per finding.
    digest: { enabled: false }
dedup:
  windowHours: 24
`,
  'delivery.test.yaml'
);

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-01T12:00:00Z');
const ARN = findingArn(1);

const snsError = (name: string, message = `${name} from SNS`) =>
  Object.assign(new Error(message), { name });

const publishedTo = (sns: ReturnType<typeof mockClient>, topic: string) =>
  sns
    .commandCalls(PublishCommand)
    .filter((call) => call.args[0].input.TopicArn === topic).length;

describe('Delivery against DynamoDB (dynalite)', () => {
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

  it('publishes exactly once per route for 50 concurrent invocations of the same event', async () => {
    // Prepare: SNS takes a moment, so the invocations really overlap.
    sns
      .on(PublishCommand)
      .callsFake(
        () =>
          new Promise((resolve) =>
            setTimeout(() => resolve({ MessageId: 'slow' }), 25)
          )
      );
    const event = inspector2EventFor({ arn: ARN, severity: 'HIGH' });

    // Act: 50 execution environments, one shared table.
    // (A generous wait budget: on a loaded machine the holder may take
    // more than the default before it confirms.)
    const claimWait = { ...SHORT_WAIT, maxWaitMs: 10_000 };
    const reports = await Promise.all(
      Array.from({ length: 50 }, () =>
        anInvocation({ config: CONFIG, dedup, now, claimWait })(event)
      )
    );

    // Assess
    expect(publishedTo(sns, SECURITY_TOPIC)).toBe(1);
    expect(publishedTo(sns, ALL_TOPIC)).toBe(1);
    const outcomes = reports.flatMap(deliveriesOf);
    expect(outcomes.filter((o) => o.includes('published'))).toHaveLength(2);
    expect(outcomes.filter((o) => o.includes('duplicate'))).toHaveLength(98);
  });

  it('publishes on the retry after the lease when an invocation crashed between reserve and publish', async () => {
    // Prepare: the first invocation claims, then SNS never answers (the
    // function times out and its environment is gone: nothing is released).
    sns.on(PublishCommand).callsFake(() => new Promise(() => undefined));
    const event = inspector2EventFor({ arn: ARN, severity: 'HIGH' });
    void anInvocation({ config: CONFIG, dedup, now })(event);
    await expect
      .poll(() => sns.commandCalls(PublishCommand).length)
      .toBeGreaterThan(0);
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'after-lease' });

    // Act 1: a copy arriving inside the lease must not call it a duplicate.
    clock = T0 + 10_000;
    const early = anInvocation({
      config: CONFIG,
      dedup,
      now,
      claimWait: NO_WAIT,
    });
    await expect(early(event)).rejects.toMatchObject({
      name: 'DeliveryError',
      retryable: true,
    });
    expect(sns).not.toReceiveCommand(PublishCommand);

    // Act 2: Lambda's first retry, a minute later (lease 45 s).
    clock = T0 + 60_000;
    const retried = await anInvocation({ config: CONFIG, dedup, now })(event);

    // Assess
    expect(deliveriesOf(retried)).toEqual([
      'security published new',
      'everything published new',
    ]);
    expect(sns).toReceiveCommandTimes(PublishCommand, 2);
  });

  it('announces a severity increase as an escalation, and not a decrease', async () => {
    const invoke = anInvocation({ config: CONFIG, dedup, now });
    await invoke(inspector2EventFor({ arn: ARN, severity: 'MEDIUM' }));

    clock += HOUR;
    const escalated = await invoke(
      inspector2EventFor({ arn: ARN, severity: 'CRITICAL' })
    );
    clock += HOUR;
    const decreased = await invoke(
      inspector2EventFor({ arn: ARN, severity: 'HIGH' })
    );

    expect(deliveriesOf(escalated)).toEqual([
      'security published new',
      'everything published escalated',
    ]);
    const message = escalated.findings[0]?.deliveries[1]?.message;
    expect(message?.subject).toMatch(/escalat/i);
    expect(deliveriesOf(decreased)).toEqual([
      'security duplicate',
      'everything duplicate',
    ]);
    expect(sns).toReceiveCommandTimes(PublishCommand, 3);
  });

  it('announces the resolution of an announced finding on a route that asks for resolutions', async () => {
    const invoke = anInvocation({ config: CONFIG, dedup, now });
    await invoke(inspector2EventFor({ arn: ARN, severity: 'HIGH' }));
    sns.resetHistory();

    clock += HOUR;
    const resolved = await invoke(
      inspector2EventFor({ arn: ARN, severity: 'HIGH', status: 'CLOSED' })
    );
    const again = await invoke(
      securityHubEventFor({ arn: ARN, severity: 'HIGH', status: 'CLOSED' })
    );
    const neverAnnounced = await invoke(
      inspector2EventFor({
        arn: findingArn(2),
        severity: 'HIGH',
        status: 'CLOSED',
      })
    );

    expect(deliveriesOf(resolved)).toEqual(['security published resolved']);
    expect(deliveriesOf(again)).toEqual(['security duplicate']);
    expect(deliveriesOf(neverAnnounced)).toEqual(['security duplicate']);
    expect(neverAnnounced.findings[0]?.reason).toMatch(/never announced/);
    expect(sns).toReceiveCommandTimes(PublishCommand, 1);
    expect(sns).toReceiveCommandWith(PublishCommand, {
      TopicArn: SECURITY_TOPIC,
    });
  });

  it('announces the same state again after the dedup window as a reminder', async () => {
    const invoke = anInvocation({ config: CONFIG, dedup, now });
    const event = inspector2EventFor({ arn: ARN, severity: 'HIGH' });
    await invoke(event);

    clock = T0 + 23 * HOUR;
    const inside = await invoke(event);
    clock = T0 + 24 * HOUR + 1;
    const after = await invoke(event);

    expect(deliveriesOf(inside)).toEqual([
      'security duplicate',
      'everything duplicate',
    ]);
    expect(deliveriesOf(after)).toEqual([
      'security published reminder',
      'everything published reminder',
    ]);
    expect(sns).toReceiveCommandTimes(PublishCommand, 4);
  });

  /** The example routes, with a Security Hub that accepts every update. */
  const anAcknowledgingInvocation = () => {
    securityHub.on(BatchUpdateFindingsCommand).resolves({
      ProcessedFindings: [],
      UnprocessedFindings: [],
    });
    return anInvocation({
      config: CONFIG,
      dedup,
      now,
      acknowledger: createSecurityHubAcknowledger(
        () => new SecurityHubClient({ region: 'eu-central-1' })
      ),
    });
  };

  it('acknowledges an announced NEW Security Hub finding, and the NOTIFIED re-import is not announced again', async () => {
    // Prepare
    const invoke = anAcknowledgingInvocation();
    const imported = securityHubEventFor({ arn: ARN, severity: 'CRITICAL' });

    // Act
    const first = await invoke(imported);
    clock += 5_000;
    const notified = await invoke(
      securityHubEventFor({
        arn: ARN,
        severity: 'CRITICAL',
        workflow: 'NOTIFIED',
      })
    );
    const direct = await invoke(
      inspector2EventFor({ arn: ARN, severity: 'CRITICAL' })
    );

    // Assess
    expect(deliveriesOf(first)).toEqual([
      'security published new',
      'everything published new',
    ]);
    expect(securityHub).toReceiveCommandTimes(BatchUpdateFindingsCommand, 1);
    expect(securityHub).toReceiveCommandWith(BatchUpdateFindingsCommand, {
      FindingIdentifiers: [
        {
          Id: ARN,
          ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/inspector',
        },
      ],
      Workflow: { Status: 'NOTIFIED' },
      Note: {
        Text: 'Announced by findings-notifier route security',
        UpdatedBy: 'findings-notifier',
      },
    });
    expect(first.acknowledgements).toEqual([
      { route: 'security', acknowledged: [ARN], failed: [] },
    ]);
    // The acknowledging route sees its own NOTIFIED: same state, duplicate;
    // the other route leaves non-NEW findings out.
    expect(deliveriesOf(notified)).toEqual(['security duplicate']);
    expect(deliveriesOf(direct)).toEqual([
      'security duplicate',
      'everything duplicate',
    ]);
    expect(sns).toReceiveCommandTimes(PublishCommand, 2);
    expect(securityHub).toReceiveCommandTimes(BatchUpdateFindingsCommand, 1);
  });

  it('announces an escalation that arrives through Security Hub after the route acknowledged the finding', async () => {
    // Prepare: Security Hub keeps NOTIFIED when the severity rises.
    const invoke = anAcknowledgingInvocation();
    await invoke(securityHubEventFor({ arn: ARN, severity: 'HIGH' }));
    clock += HOUR;

    // Act
    const escalated = await invoke(
      securityHubEventFor({
        arn: ARN,
        severity: 'CRITICAL',
        workflow: 'NOTIFIED',
      })
    );

    // Assess
    expect(deliveriesOf(escalated)).toEqual(['security published escalated']);
    expect(sns).toReceiveCommandTimes(PublishCommand, 3);
    // Already NOTIFIED: nothing to acknowledge again.
    expect(securityHub).toReceiveCommandTimes(BatchUpdateFindingsCommand, 1);
  });

  it('calls the NOTIFIED re-import a duplicate on a route that announces any workflow', async () => {
    const config = parseConfig(
      `routes:
  - name: any-workflow
    topicArn: ${ALL_TOPIC}
    match: { status: { workflow: [NEW, NOTIFIED] } }
`,
      'any-workflow.yaml'
    );
    const invoke = anInvocation({ config, dedup, now });
    await invoke(securityHubEventFor({ arn: ARN, severity: 'HIGH' }));
    const notified = await invoke(
      securityHubEventFor({ arn: ARN, severity: 'HIGH', workflow: 'NOTIFIED' })
    );

    expect(deliveriesOf(notified)).toEqual(['any-workflow duplicate']);
    expect(sns).toReceiveCommandTimes(PublishCommand, 1);
  });

  it('logs an acknowledge failure and still succeeds: the notification was delivered', async () => {
    securityHub
      .on(BatchUpdateFindingsCommand)
      .rejects(snsError('AccessDeniedException', 'not allowed'));
    const log = aLog();
    const invoke = anInvocation({
      config: CONFIG,
      dedup,
      now,
      log,
      acknowledger: createSecurityHubAcknowledger(
        () => new SecurityHubClient({ region: 'eu-central-1' })
      ),
    });

    const report = await invoke(
      securityHubEventFor({ arn: ARN, severity: 'CRITICAL' })
    );

    expect(deliveriesOf(report)).toContain('security published new');
    expect(log.error).toHaveBeenCalledWith('acknowledge failed', {
      eventId: expect.any(String),
      route: 'security',
      findingId: ARN,
      errorCode: 'AccessDeniedException',
      reason: 'not allowed',
    });
  });

  it('collapses repeats of one finding inside an event to one claim', async () => {
    const invoke = anInvocation({ config: CONFIG, dedup, now });
    const report = await invoke(
      securityHubEventFor({ arn: ARN, severity: 'HIGH', copies: 3 })
    );
    expect(report.findings.map((finding) => finding.outcome)).toEqual([
      'published',
      'duplicate',
      'duplicate',
    ]);
    expect(sns).toReceiveCommandTimes(PublishCommand, 2);
  });

  it('publishes the findings of one Security Hub batch with one PublishBatch per topic', async () => {
    sns
      .on(PublishBatchCommand)
      .callsFake(async (input: PublishBatchCommandInput) => ({
        Successful: (input.PublishBatchRequestEntries ?? []).map((entry) => ({
          Id: entry.Id,
          MessageId: `b-${entry.Id}`,
        })),
        Failed: [],
      }));
    const event = securityHubEventFor({ arn: findingArn(1), severity: 'HIGH' });
    for (let n = 2; n <= 12; n += 1) {
      event.detail.findings.push(
        ...securityHubEventFor({ arn: findingArn(n), severity: 'MEDIUM' })
          .detail.findings
      );
    }

    const report = await anInvocation({ config: CONFIG, dedup, now })(event);

    expect(report.findings.map((finding) => finding.outcome)).toEqual(
      Array.from({ length: 12 }, () => 'published')
    );
    // everything: 12 messages -> 10 + 2; security: 1 message -> Publish.
    expect(sns).toReceiveCommandTimes(PublishBatchCommand, 2);
    expect(sns).toReceiveCommandTimes(PublishCommand, 1);
  });

  it('announces one finding in two states within one event one after the other', async () => {
    const event = securityHubEventFor({ arn: ARN, severity: 'HIGH' });
    event.detail.findings.push(
      ...securityHubEventFor({ arn: ARN, severity: 'CRITICAL' }).detail.findings
    );

    const report = await anInvocation({
      config: CONFIG,
      dedup,
      now,
      claimWait: NO_WAIT,
    })(event);

    expect(deliveriesOf(report)).toEqual([
      'security published new',
      'everything published new',
      'security published escalated',
      'everything published escalated',
    ]);
  });

  it.each([
    ['InvalidParameter', 'Invalid parameter: Message too long'],
    ['NotFound', 'Topic does not exist'],
    ['KMSAccessDeniedException', 'KMS access denied'],
  ])(
    'does not retry a permanent %s and reports it with finding and route',
    async (code, message) => {
      // Prepare
      sns.on(PublishCommand).rejects(snsError(code, message));
      const log = aLog();
      const invoke = anInvocation({ config: CONFIG, dedup, now, log });
      const event = inspector2EventFor({ arn: ARN, severity: 'HIGH' });

      // Act
      const failure = await invoke(event).catch((error: unknown) => error);

      // Assess
      expect(failure).toMatchObject({
        name: 'DeliveryError',
        retryable: false,
      });
      expect(sns).toReceiveCommandTimes(PublishCommand, 2);
      for (const route of ['security', 'everything']) {
        expect(log.error).toHaveBeenCalledWith(
          'permanent delivery failure, not retryable',
          expect.objectContaining({
            findingId: ARN,
            route,
            errorCode: code,
            reason: `${code}: ${message}`,
          })
        );
      }
    }
  );

  it('releases the claims after a transient failure, so the retried event publishes', async () => {
    sns
      .on(PublishCommand)
      .rejectsOnce(snsError('Throttling', 'Rate exceeded'))
      .resolves({ MessageId: 'ok' });
    const invoke = anInvocation({ config: CONFIG, dedup, now });
    const event = inspector2EventFor({ arn: ARN, severity: 'HIGH' });

    const failure = await invoke(event).catch((error: unknown) => error);
    clock += 60_000;
    const retried: EventReport = await invoke(event);

    expect(failure).toMatchObject({ name: 'DeliveryError', retryable: true });
    expect(deliveriesOf(retried)).toEqual([
      'everything duplicate',
      'security published new',
    ]);
    expect(sns).toReceiveCommandTimes(PublishCommand, 3);
  });
});
