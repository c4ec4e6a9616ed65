import {
  PublishBatchCommand,
  type PublishBatchCommandInput,
  PublishCommand,
  SNSClient,
} from '@aws-sdk/client-sns';
import type { SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.js';
import { createDynamoDbBurstLedger } from '../../src/dedup/dynamodb-burst-ledger.js';
import { createDynamoDbDedupStore } from '../../src/dedup/dynamodb-store.js';
import type { SeverityLabel } from '../../src/events/severity.js';
import { createHandler } from '../../src/handler/create-handler.js';
import type { BatchResult } from '../../src/handler/sqs-batch.js';
import { buildPipeline } from '../../src/pipeline/build-pipeline.js';
import { silentLog } from '../../src/pipeline/log.js';
import type { Publisher, PublishResult } from '../../src/publish/publisher.js';
import { createSnsPublisher } from '../../src/publish/sns-publisher.js';
import { fakeContext } from '../helpers/context.js';
import { SHORT_WAIT } from '../helpers/delivery-rig.js';
import { type LocalDynamo, startDynalite } from '../helpers/dynalite.js';
import { findingArn } from '../helpers/finding-events.js';
import { seeded } from '../helpers/seeded.js';
import { findingOnOwnFunction, sqsBatchOf } from '../helpers/sqs-batch.js';

const CONFIG = parseConfig(
  `
routes:
  - name: security
    topicArn: arn:aws:sns:eu-central-1:123456789012:security
    match: { severity: { min: CRITICAL } }
  - name: everything
    topicArn: arn:aws:sns:eu-central-1:123456789012:all
    format: text
`,
  'batch-at-scale.yaml'
);

const FINDINGS = 5_000;
const FAILURE_RATE = 0.2;
/** SQS delivers a handled record again now and then (at-least-once). */
const REDELIVERY_RATE = 0.1;
/** Two batches at a time: the event source mapping's maximum concurrency. */
const CONCURRENCY = 2;

const severityOf = (n: number): SeverityLabel =>
  n % 20 === 0 ? 'CRITICAL' : n % 5 === 0 ? 'HIGH' : n % 2 ? 'MEDIUM' : 'LOW';

describe('Buffered mode at scale against DynamoDB (dynalite)', () => {
  const sns = mockClient(SNSClient);
  let dynamo: LocalDynamo;

  beforeAll(async () => {
    dynamo = await startDynalite();
  });
  afterAll(async () => {
    sns.restore();
    await dynamo?.stop();
  });

  it('announces every (route, finding, state) of a 5,000-finding batch exactly once with 20% transient SNS failures and repeated deliveries', async () => {
    const random = seeded(20_261_201);
    const counts = {
      snsCalls: 0,
      injected: 0,
      succeeded: 0,
      rounds: 0,
      invocations: 0,
      reportedFailures: 0,
      redelivered: 0,
      held: 0,
    };
    const succeededIds = new Set<string>();
    const transient = () =>
      Object.assign(new Error('Rate exceeded'), {
        name: random() < 0.7 ? 'Throttling' : 'InternalError',
      });
    let next = 0;
    sns.on(PublishCommand).callsFake(async () => {
      counts.snsCalls += 1;
      if (random() < FAILURE_RATE) {
        counts.injected += 1;
        throw transient();
      }
      const id = `m-${++next}`;
      succeededIds.add(id);
      return { MessageId: id };
    });
    sns
      .on(PublishBatchCommand)
      .callsFake(async (input: PublishBatchCommandInput) => {
        counts.snsCalls += 1;
        const entries = input.PublishBatchRequestEntries ?? [];
        const failing = new Set(
          entries.filter(() => random() < FAILURE_RATE).map((entry) => entry.Id)
        );
        counts.injected += failing.size;
        const ok = entries.filter((entry) => !failing.has(entry.Id));
        return {
          Successful: ok.map((entry) => {
            const id = `b-${++next}`;
            succeededIds.add(id);
            return { Id: entry.Id, MessageId: id };
          }),
          Failed: [...failing].map((Id) => ({
            Id,
            Code: 'InternalError',
            SenderFault: false,
            Message: 'injected',
          })),
        };
      });

    const tableName = await dynamo.createTable();
    const dedup = createDynamoDbDedupStore({
      client: dynamo.client,
      tableName,
    });
    const bursts = createDynamoDbBurstLedger({
      client: dynamo.client,
      tableName,
    });
    // The queue's side: held chunks wait until their delay is over; sending
    // one fails as often as an SNS call.
    let clock = Date.parse('2026-12-01T12:00:00Z');
    const delayed: { at: number; id: string; event: unknown }[] = [];
    const holder: Publisher = {
      publish: async (messages, onResult) => {
        const results: PublishResult[] = [];
        for (const [index, message] of messages.entries()) {
          counts.held += 1;
          const result: PublishResult =
            random() < FAILURE_RATE
              ? {
                  ok: false,
                  retryable: true,
                  code: 'InternalError',
                  message: 'injected',
                }
              : { ok: true, messageId: `held-${counts.held}` };
          if (result.ok) {
            delayed.push({
              at: clock + (message.delaySeconds ?? 0) * 1000,
              id: result.messageId,
              event: JSON.parse(message.body),
            });
          } else counts.injected += 1;
          results.push(result);
          await onResult?.(index, result);
        }
        return results;
      },
    };
    const batches: BatchResult[] = [];
    const environments = Array.from({ length: CONCURRENCY }, () =>
      createHandler({
        log: silentLog,
        onBatch: (result) => batches.push(result),
        pipeline: buildPipeline(CONFIG, {
          dedup,
          publisher: createSnsPublisher(
            new SNSClient({ region: 'eu-central-1' })
          ),
          bursts,
          holder,
          log: silentLog,
          claimWait: SHORT_WAIT,
          now: () => new Date(clock),
        }),
      })
    );
    const records = Array.from({ length: FINDINGS }, (_, n) => ({
      id: `record-${n}`,
      event: findingOnOwnFunction(n + 1, { severity: severityOf(n + 1) }),
    }));
    const expected = new Set<string>();
    for (let n = 1; n <= FINDINGS; n += 1) {
      const state = `${severityOf(n)}|OPEN`;
      expected.add(`everything|${findingArn(n)}|${state}`);
      if (severityOf(n) === 'CRITICAL')
        expected.add(`security|${findingArn(n)}|${state}`);
    }

    const started = Date.now();
    let queue: { id: string; event: unknown }[] = records;
    // A round a minute: held chunks come back when their burst closes.
    const due = () => {
      const ready = delayed.filter((item) => item.at <= clock);
      for (const item of ready) delayed.splice(delayed.indexOf(item), 1);
      return ready;
    };
    while ((queue.length > 0 || delayed.length > 0) && counts.rounds < 12) {
      counts.rounds += 1;
      queue = [...queue, ...due()];
      if (queue.length === 0) {
        clock += 60_000;
        continue;
      }
      const half = Math.ceil(queue.length / CONCURRENCY);
      const slices = Array.from({ length: CONCURRENCY }, (_, index) =>
        queue.slice(index * half, (index + 1) * half)
      ).filter((slice) => slice.length > 0);
      const responses = await Promise.all(
        slices.map(async (slice, index) => {
          counts.invocations += 1;
          const event: SQSEvent = sqsBatchOf(slice);
          const response = await (
            environments[index] as (typeof environments)[number]
          )(event, {
            ...fakeContext(),
            // Semantics, not speed: dynalite on a busy two-core machine is
            // far slower than DynamoDB, so the function's 120 s timeout is
            // not what this run measures (the burst bench does speed).
            getRemainingTimeInMillis: () => 900_000,
          });
          return {
            slice,
            failed: response.batchItemFailures.map(
              (item) => item.itemIdentifier
            ),
          };
        })
      );
      const retry: typeof queue = [];
      for (const { slice, failed } of responses) {
        counts.reportedFailures += failed.length;
        const failedSet = new Set(failed);
        for (const record of slice) {
          if (failedSet.has(record.id)) retry.push(record);
          else if (random() < REDELIVERY_RATE && counts.rounds < 3) {
            counts.redelivered += 1;
            retry.push(record);
          }
        }
      }
      queue = retry;
      clock += 60_000;
    }
    const seconds = (Date.now() - started) / 1000;

    // What each successful SNS message carried, from the batches' reports.
    const announced = new Map<string, number>();
    const reportedFailed = new Set<string>();
    for (const batch of batches) {
      for (const { id, report } of batch.reports) {
        for (const finding of report.findings) {
          for (const delivery of finding.deliveries) {
            if (delivery.outcome === 'failed') reportedFailed.add(id);
            if (delivery.outcome !== 'published') continue;
            expect(succeededIds.has(delivery.messageId ?? '')).toBe(true);
            const key = `${delivery.route}|${finding.findingId}|${finding.severity.label}|${finding.lifecycle}`;
            announced.set(key, (announced.get(key) ?? 0) + 1);
          }
        }
      }
      // Exactly the records carrying a failed delivery were reported failed.
      expect(new Set(batch.failedIds)).toEqual(
        new Set(
          batch.reports
            .filter(({ report }) =>
              report.findings.some((finding) => finding.outcome === 'failed')
            )
            .map(({ id }) => id)
        )
      );
    }
    const twice = [...announced].filter(([, times]) => times > 1);
    const missing = [...expected].filter((key) => !announced.has(key));
    const unexpected = [...announced.keys()].filter(
      (key) => !expected.has(key)
    );
    console.info(
      `buffered at scale: ${JSON.stringify({ findings: FINDINGS, keys: expected.size, ...counts, snsSucceeded: succeededIds.size, announcedTwice: twice.length, missing: missing.length, seconds })}`
    );

    expect(counts.injected).toBeGreaterThan(0);
    expect(counts.reportedFailures).toBeGreaterThan(0);
    expect(reportedFailed.size).toBeGreaterThan(0);
    expect(twice).toEqual([]);
    expect(missing).toEqual([]);
    expect(unexpected).toEqual([]);
    expect(queue).toEqual([]);
    expect(delayed).toEqual([]);
    // The bursts held findings, and their digests announced them.
    expect(counts.held).toBeGreaterThan(0);
    // Bursts became digests: far fewer messages than findings.
    expect(succeededIds.size).toBeLessThan(expected.size / 20);
  }, 600_000);
});
