import { join } from 'node:path';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.js';
import { createMemoryDedupStore } from '../../src/dedup/memory-store.js';
import { createHandler } from '../../src/handler/create-handler.js';
import { DeliveryError } from '../../src/handler/delivery-error.js';
import { RejectedEventError } from '../../src/handler/rejected-event-error.js';
import { buildPipeline } from '../../src/pipeline/build-pipeline.js';
import type { Log } from '../../src/pipeline/log.js';
import { createSnsPublisher } from '../../src/publish/sns-publisher.js';
import { fakeContext } from '../helpers/context.js';
import {
  anInspector2Event,
  getTestEvent,
  REPO_ROOT,
  readJson,
} from '../helpers/events.js';

const SECURITY_TOPIC =
  'arn:aws:sns:eu-central-1:123456789012:findings-security';
const ALL_TOPIC = 'arn:aws:sns:eu-central-1:123456789012:findings-all';

const CONFIG = parseConfig(
  `
routes:
  - name: security
    topicArn: ${SECURITY_TOPIC}
    match: { severity: { min: HIGH } }
  - name: everything
    topicArn: ${ALL_TOPIC}
`,
  'handler.test.yaml'
);

/** A HIGH 7.5 Inspector2 finding on a Lambda function: both routes match. */
const baseEvent = anInspector2Event(
  'lambda-package-vuln-high-exploit-available-docs'
);

const snsError = (name: string, message: string) =>
  Object.assign(new Error(message), { name });

const aLog = () =>
  ({
    debug: vi.fn(),
    info: vi.fn(),
    warn: vi.fn(),
    error: vi.fn(),
  }) satisfies Log;

/** The pipeline with CONFIG, an in-memory dedup store and the (mocked) SNS client. */
const snsPipeline = (log: Log) =>
  buildPipeline(CONFIG, {
    dedup: createMemoryDedupStore(),
    publisher: createSnsPublisher(new SNSClient({ region: 'eu-central-1' })),
    log,
  });

describe('Handler: notify-findings', () => {
  const sns = mockClient(SNSClient);
  let log: ReturnType<typeof aLog>;
  let handler: ReturnType<typeof createHandler>;

  beforeEach(() => {
    sns.reset();
    log = aLog();
    handler = createHandler({
      log,
      pipeline: snsPipeline(log),
    });
  });

  it('publishes one message per matched route to its topic, with attributes', async () => {
    // Prepare
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });

    // Act
    const report = await handler(structuredClone(baseEvent), fakeContext());

    // Assess
    expect(sns).toReceiveCommandTimes(PublishCommand, 2);
    for (const [route, topicArn] of [
      ['security', SECURITY_TOPIC],
      ['everything', ALL_TOPIC],
    ]) {
      expect(sns).toReceiveCommandWith(PublishCommand, {
        TopicArn: topicArn,
        Subject: expect.stringMatching(/^[\x20-\x7e]{1,100}$/),
        Message: expect.any(String),
        MessageAttributes: expect.objectContaining({
          severity: { DataType: 'String', StringValue: 'HIGH' },
          route: { DataType: 'String', StringValue: route },
          findingType: {
            DataType: 'String',
            StringValue: 'PACKAGE_VULNERABILITY',
          },
          region: { DataType: 'String', StringValue: 'eu-central-1' },
        }),
      });
    }
    expect(report).toMatchObject({
      outcome: 'processed',
      findings: [
        {
          findingId: baseEvent.detail.findingArn,
          outcome: 'published',
          deliveries: [
            { route: 'security', outcome: 'published', messageId: 'm-1' },
            { route: 'everything', outcome: 'published', messageId: 'm-1' },
          ],
        },
      ],
    });
  });

  it('passes SNS the message exactly as the report shows it', async () => {
    // Prepare
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });

    // Act
    const report = await handler(structuredClone(baseEvent), fakeContext());

    // Assess
    const sent = sns
      .commandCalls(PublishCommand)
      .map((call) => call.args[0].input);
    const reported = report.findings[0]?.deliveries.map(
      (delivery) => delivery.message
    );
    expect(sent.map(({ Subject, Message }) => ({ Subject, Message }))).toEqual(
      reported?.map((message) => ({
        Subject: message?.subject,
        Message: message?.body,
      }))
    );
  });

  it('does not publish a finding again in the same state', async () => {
    // Prepare
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    await handler(structuredClone(baseEvent), fakeContext());
    sns.resetHistory();

    // Act
    const report = await handler(structuredClone(baseEvent), fakeContext());

    // Assess
    expect(sns).not.toReceiveCommand(PublishCommand);
    expect(report.findings[0]?.outcome).toBe('duplicate');
  });

  it('returns normally for an ignored event, without publishing', async () => {
    // Prepare
    const event = getTestEvent('ignored', 'securityhub-insight-results');

    // Act
    const report = await handler(event, fakeContext());

    // Assess
    expect(report.outcome).toBe('ignored');
    expect(sns).not.toReceiveCommand(PublishCommand);
    expect(log.info).toHaveBeenCalledWith(
      'event ignored',
      expect.objectContaining({ outcome: 'ignored' })
    );
  });

  it('logs a rejected event at ERROR with its id and reason, then fails the invocation so the event reaches the failure destination', async () => {
    // Prepare
    const event = structuredClone(baseEvent) as Record<string, unknown>;
    delete event.detail;

    // Act
    const error = await handler(event, fakeContext()).catch(
      (thrown: unknown) => thrown
    );

    // Assess
    expect(error).toBeInstanceOf(RejectedEventError);
    expect((error as RejectedEventError).retryable).toBe(false);
    expect((error as RejectedEventError).report.outcome).toBe('rejected');
    expect(sns).not.toReceiveCommand(PublishCommand);
    expect(log.error).toHaveBeenCalledWith(
      'event rejected',
      expect.objectContaining({
        eventId: baseEvent.id,
        outcome: 'rejected',
        reason: expect.stringMatching(/^detail: /),
        event,
      })
    );
  });

  it('logs a V2 finding rejected on its own at ERROR with its path and the event, and publishes the other', async () => {
    // Prepare
    const event = readJson(
      join(
        REPO_ROOT,
        'test/fixtures/partly-malformed/v2-one-bad-finding-of-two.json'
      )
    ) as { id: string };
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });

    // Act: the valid finding is published, then the invocation fails so
    // that Lambda keeps the whole event in the failure destination.
    const error = await handler(structuredClone(event), fakeContext()).then(
      () => undefined,
      (thrown: unknown) => thrown
    );

    // Assess
    expect(error).toBeInstanceOf(RejectedEventError);
    const { report } = error as RejectedEventError;
    expect(report.outcome).toBe('processed');
    expect(report.findings.map((finding) => finding.outcome)).toEqual([
      'published',
    ]);
    expect(report.rejected).toEqual([
      {
        path: 'detail.findings[0]',
        id: expect.stringMatching(/finding\/bad0+bad0$/),
        reason: expect.stringMatching(/^detail\.findings\[0\]\.severity_id: /),
      },
    ]);
    expect(log.error).toHaveBeenCalledWith(
      'finding rejected',
      expect.objectContaining({
        eventId: event.id,
        outcome: 'rejected',
        path: 'detail.findings[0]',
        findingId: expect.stringMatching(/bad0$/),
        detailType: 'Findings Imported V2',
        event,
      })
    );
    // The published finding's line carries no event.
    expect(log.info).toHaveBeenCalledWith(
      'finding published',
      expect.not.objectContaining({ event: expect.anything() })
    );
  });

  it('throws a retryable DeliveryError on throttling, and publishes when the event is retried', async () => {
    // Prepare
    sns.on(PublishCommand).rejects(snsError('Throttling', 'Rate exceeded'));

    // Act
    const failure = await handler(
      structuredClone(baseEvent),
      fakeContext()
    ).catch((error: unknown) => error);
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm-2' });
    const retry = await handler(structuredClone(baseEvent), fakeContext());

    // Assess
    expect(failure).toBeInstanceOf(DeliveryError);
    expect((failure as DeliveryError).failures).toEqual([
      expect.objectContaining({ route: 'security', retryable: true }),
      expect.objectContaining({ route: 'everything', retryable: true }),
    ]);
    expect((failure as DeliveryError).message).toContain(
      'Throttling: Rate exceeded'
    );
    expect(log.error).toHaveBeenCalledWith(
      'delivery failed',
      expect.objectContaining({ eventId: baseEvent.id })
    );
    expect(sns).toReceiveCommandTimes(PublishCommand, 2);
    expect(retry.findings[0]?.outcome).toBe('published');
  });

  it('re-sends only the failed route when the event is retried', async () => {
    // Prepare: the first publish to the security topic is throttled.
    let throttled = false;
    sns.on(PublishCommand).callsFake(async (input: { TopicArn?: string }) => {
      if (input.TopicArn === SECURITY_TOPIC && !throttled) {
        throttled = true;
        throw snsError('Throttling', 'Rate exceeded');
      }
      return { MessageId: 'm-1' };
    });

    // Act
    await expect(
      handler(structuredClone(baseEvent), fakeContext())
    ).rejects.toThrow(DeliveryError);
    sns.resetHistory();
    const retry = await handler(structuredClone(baseEvent), fakeContext());

    // Assess
    expect(sns).toReceiveCommandTimes(PublishCommand, 1);
    expect(sns).toReceiveCommandWith(PublishCommand, {
      TopicArn: SECURITY_TOPIC,
    });
    expect(retry.findings[0]?.deliveries).toHaveLength(2);
    expect(retry.findings[0]?.deliveries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ route: 'security', outcome: 'published' }),
        expect.objectContaining({ route: 'everything', outcome: 'duplicate' }),
      ])
    );
  });

  it('reports an InvalidParameter error as not retryable', async () => {
    // Prepare
    sns
      .on(PublishCommand)
      .rejects(snsError('InvalidParameter', 'Invalid parameter: Subject'));

    // Act & Assess
    await expect(
      handler(structuredClone(baseEvent), fakeContext())
    ).rejects.toMatchObject({
      name: 'DeliveryError',
      failures: [
        expect.objectContaining({ retryable: false }),
        expect.objectContaining({ retryable: false }),
      ],
    });
  });
});

describe('Handler: timeout and dedup lease', () => {
  const sns = mockClient(SNSClient);

  it('warns once per environment when the timeout is not shorter than the lease', async () => {
    // Prepare
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const log = aLog();
    const handler = createHandler({
      log,
      dedupLeaseMs: 45_000,
      pipeline: snsPipeline(log),
    });

    // Act: fakeContext has 60 s left.
    await handler(structuredClone(baseEvent), fakeContext());
    await handler(structuredClone(baseEvent), fakeContext());

    // Assess
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn).toHaveBeenCalledWith(
      'function timeout is not shorter than the dedup lease',
      expect.objectContaining({ remainingMs: 60_000, dedupLeaseMs: 45_000 })
    );
  });

  it('leaves timing out to Lambda: with 5 ms left, a slower publish still completes', async () => {
    // Prepare: the publish answers on a later timer than any the handler
    // could set for "5 ms left".
    sns.reset();
    sns
      .on(PublishCommand)
      .callsFake(
        () =>
          new Promise((resolve) =>
            setTimeout(() => resolve({ MessageId: 'm-1' }), 20)
          )
      );
    const log = aLog();
    const handler = createHandler({
      log,
      pipeline: snsPipeline(log),
    });

    // Act
    const report = await handler(structuredClone(baseEvent), {
      ...fakeContext(),
      getRemainingTimeInMillis: () => 5,
    });

    // Assess
    expect(report.findings.map((finding) => finding.outcome)).toEqual([
      'published',
    ]);
  });
});

describe('Handler: notify-findings cold start', () => {
  const importFunction = async () => {
    vi.resetModules();
    return import('../../functions/notify-findings.js');
  };

  beforeEach(() => {
    vi.stubEnv('NOTIFIER_CONFIG', undefined);
    vi.stubEnv('NOTIFIER_CONFIG_FILE', undefined);
    vi.stubEnv('NOTIFIER_CONFIG_PARAMETER', undefined);
    vi.stubEnv('DEDUP_TABLE_NAME', 'findings-notifier-dedup');
  });

  it('fails the import with a ConfigError listing the problem of an invalid config', async () => {
    // Prepare
    vi.stubEnv('NOTIFIER_CONFIG', 'routes:\n  - name: security\n');

    // Act & Assess
    await expect(importFunction()).rejects.toMatchObject({
      name: 'ConfigError',
      problems: [
        expect.stringContaining(
          'route "security", topicArn (line 2, column 5)'
        ),
      ],
    });
  });

  it('fails the import with a ConfigError naming the variables when none is set', async () => {
    // Act & Assess
    await expect(importFunction()).rejects.toMatchObject({
      name: 'ConfigError',
      message: expect.stringMatching(
        /NOTIFIER_CONFIG\b.*NOTIFIER_CONFIG_FILE/s
      ),
    });
  });

  it('fails the import with a ConfigError when DEDUP_TABLE_NAME is missing', async () => {
    // Prepare
    vi.stubEnv(
      'NOTIFIER_CONFIG',
      `routes: [{ name: all, topicArn: "${ALL_TOPIC}" }]`
    );
    vi.stubEnv('DEDUP_TABLE_NAME', undefined);

    // Act & Assess
    await expect(importFunction()).rejects.toMatchObject({
      name: 'ConfigError',
      message: expect.stringContaining('DEDUP_TABLE_NAME is not set'),
    });
  });

  it('builds the handler with the Security Hub acknowledger when a route acknowledges', async () => {
    // Prepare
    vi.stubEnv(
      'NOTIFIER_CONFIG',
      `routes: [{ name: all, topicArn: "${ALL_TOPIC}", acknowledge: true }]`
    );

    // Act
    const module = await importFunction();

    // Assess
    expect(module.handler).toEqual(expect.any(Function));
  });

  it('builds the handler from a valid inline config', async () => {
    // Prepare
    vi.stubEnv(
      'NOTIFIER_CONFIG',
      `routes: [{ name: all, topicArn: "${ALL_TOPIC}" }]`
    );

    // Act
    const module = await importFunction();

    // Assess
    expect(module.handler).toEqual(expect.any(Function));
  });
});
