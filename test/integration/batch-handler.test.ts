import {
  PublishBatchCommand,
  type PublishBatchCommandInput,
  PublishCommand,
  SNSClient,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.js';
import { createMemoryDedupStore } from '../../src/dedup/memory-store.js';
import type { SeverityLabel } from '../../src/events/severity.js';
import { createHandler } from '../../src/handler/create-handler.js';
import type { BatchResult } from '../../src/handler/sqs-batch.js';
import { buildPipeline } from '../../src/pipeline/build-pipeline.js';
import { createSnsPublisher } from '../../src/publish/sns-publisher.js';
import { fakeContext } from '../helpers/context.js';
import { aLog, NO_WAIT } from '../helpers/delivery-rig.js';
import { findingArn, inspector2EventFor } from '../helpers/finding-events.js';
import { findingOnOwnFunction, sqsBatchOf } from '../helpers/sqs-batch.js';

const CONFIG = parseConfig(
  `
routes:
  - name: chat
    topicArn: arn:aws:sns:eu-central-1:123456789012:chat
  - name: mail
    topicArn: arn:aws:sns:eu-central-1:123456789012:mail
    format: text
    digest: { enabled: false }
`,
  'batch.yaml'
);

const severityOf = (n: number): SeverityLabel =>
  n % 20 === 0 ? 'CRITICAL' : n % 5 === 0 ? 'HIGH' : 'MEDIUM';

describe('Handler: SQS batches (buffered mode)', () => {
  const sns = mockClient(SNSClient);
  let batches: BatchResult[];
  const handlerWith = () => {
    const log = aLog();
    return createHandler({
      log,
      onBatch: (result) => batches.push(result),
      pipeline: buildPipeline(CONFIG, {
        dedup: createMemoryDedupStore(),
        publisher: createSnsPublisher(
          new SNSClient({ region: 'eu-central-1' })
        ),
        log,
        claimWait: NO_WAIT,
        now: () => new Date('2026-12-01T12:00:00Z'),
      }),
    });
  };

  beforeEach(() => {
    sns.reset();
    batches = [];
    let id = 0;
    sns.on(PublishCommand).callsFake(async () => ({ MessageId: `m-${++id}` }));
    sns
      .on(PublishBatchCommand)
      .callsFake(async (input: PublishBatchCommandInput) => ({
        Successful: (input.PublishBatchRequestEntries ?? []).map((entry) => ({
          Id: entry.Id,
          MessageId: `b-${++id}`,
        })),
        Failed: [],
      }));
  });

  it('announces a single finding in a quiet batch alone, as direct mode does', async () => {
    // Prepare
    const event = inspector2EventFor({ arn: findingArn(1), severity: 'HIGH' });
    const direct = createHandler({
      log: aLog(),
      pipeline: buildPipeline(CONFIG, {
        dedup: createMemoryDedupStore(),
        publisher: createSnsPublisher(
          new SNSClient({ region: 'eu-central-1' })
        ),
        log: aLog(),
        now: () => new Date('2026-12-01T12:00:00Z'),
      }),
    });
    const directReport = await direct(structuredClone(event), fakeContext());

    // Act
    const response = await handlerWith()(
      sqsBatchOf([{ id: 'r1', event }]),
      fakeContext()
    );

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    const [finding] = batches[0]?.reports[0]?.report.findings ?? [];
    expect(finding?.deliveries.map((delivery) => delivery.digest)).toEqual([
      undefined,
      undefined,
    ]);
    expect(finding?.deliveries.map((delivery) => delivery.message)).toEqual(
      directReport.findings[0]?.deliveries.map((delivery) => delivery.message)
    );
  });

  it('turns a burst into digests that count every finding once and name every HIGH and CRITICAL', async () => {
    // Prepare
    const records = Array.from({ length: 200 }, (_, n) => ({
      id: `r${n}`,
      event: findingOnOwnFunction(n, { severity: severityOf(n) }),
    }));

    // Act
    const response = await handlerWith()(sqsBatchOf(records), fakeContext());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    const findings =
      batches[0]?.reports.flatMap(({ report }) => report.findings) ?? [];
    expect(findings).toHaveLength(200);
    const chat = findings.map((finding) => ({
      finding,
      delivery: finding.deliveries.find(
        (delivery) => delivery.route === 'chat'
      ),
    }));
    const messages = new Map<string, number>();
    for (const { finding, delivery } of chat) {
      expect(delivery?.outcome).toBe('published');
      const body = delivery?.message?.body ?? '';
      messages.set(
        delivery?.messageId ?? '',
        (messages.get(delivery?.messageId ?? '') ?? 0) + 1
      );
      if (finding.severity.label !== 'MEDIUM') {
        const n = Number.parseInt(finding.findingId.split('/')[1] ?? '', 16);
        expect(body).toContain(`fn-${n}`);
      }
    }
    const alone = chat.filter(({ delivery }) => !delivery?.digest);
    expect(alone).toHaveLength(1);
    expect(alone[0]?.finding.severity.label).toBe('CRITICAL');
    // Each digest message's count equals the findings that name it.
    for (const { delivery } of chat) {
      if (delivery?.digest) {
        expect(messages.get(delivery.messageId ?? '')).toBe(
          delivery.digest.findings
        );
        const notification = JSON.parse(delivery.message?.body ?? '{}');
        expect(notification.content.description.length).toBeLessThanOrEqual(
          2_900
        );
      }
    }
    expect(messages.size).toBeLessThan(10);
    // The text route has digests off: 200 messages.
    expect(
      findings.filter((finding) =>
        finding.deliveries.some(
          (d) => d.route === 'mail' && d.outcome === 'published'
        )
      )
    ).toHaveLength(200);
  });

  it('fails only the records whose findings were in a failed message', async () => {
    // Prepare: the chat topic's digests fail, single messages succeed.
    sns.reset();
    sns.on(PublishCommand).callsFake(async (input) => {
      if (input.TopicArn?.endsWith(':chat') && input.MessageAttributes?.kind) {
        throw Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
      }
      return { MessageId: 'm-1' };
    });
    sns
      .on(PublishBatchCommand)
      .callsFake(async (input: PublishBatchCommandInput) => {
        const entries = input.PublishBatchRequestEntries ?? [];
        const failing = entries.filter(
          (entry) =>
            entry.MessageAttributes?.kind && input.TopicArn?.endsWith(':chat')
        );
        return {
          Successful: entries
            .filter((entry) => !failing.includes(entry))
            .map((entry) => ({ Id: entry.Id, MessageId: `b-${entry.Id}` })),
          Failed: failing.map((entry) => ({
            Id: entry.Id,
            Code: 'InternalError',
            SenderFault: false,
            Message: 'injected',
          })),
        };
      });
    const records = Array.from({ length: 20 }, (_, n) => ({
      id: `r${n}`,
      event: findingOnOwnFunction(n, {
        severity: n === 0 ? 'CRITICAL' : 'MEDIUM',
      }),
    }));

    // Act
    const response = await handlerWith()(sqsBatchOf(records), fakeContext());

    // Assess: record 0 went alone and succeeded; the 19 others were digested.
    expect(
      response.batchItemFailures.map((item) => item.itemIdentifier).sort()
    ).toEqual(
      records
        .slice(1)
        .map((record) => record.id)
        .sort()
    );
  });

  it('returns rejected records (a malformed event, a body that is not JSON) as failures, so they reach the dead-letter queue, and announces the rest', async () => {
    // Prepare
    const event = sqsBatchOf([
      { id: 'good', event: findingOnOwnFunction(1, { severity: 'HIGH' }) },
      { id: 'malformed', event: { source: 'aws.inspector2' } },
    ]);
    event.Records.push({
      ...(event.Records[0] as (typeof event.Records)[number]),
      messageId: 'not-json',
      body: 'not json {',
    });

    // Act
    const response = await handlerWith()(event, fakeContext());

    // Assess
    expect(
      response.batchItemFailures.map((item) => item.itemIdentifier).sort()
    ).toEqual(['malformed', 'not-json']);
    const outcomes = batches[0]?.reports.map(({ id, report }) => [
      id,
      report.outcome,
    ]);
    expect(outcomes).toEqual([
      ['good', 'processed'],
      ['malformed', 'rejected'],
      ['not-json', 'rejected'],
    ]);
    expect(
      batches[0]?.reports[0]?.report.findings.map((finding) => finding.outcome)
    ).toEqual(['published']);
  });
});
