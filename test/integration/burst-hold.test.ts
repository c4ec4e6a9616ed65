import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.js';
import { createMemoryBurstLedger } from '../../src/dedup/burst-ledger.js';
import type { DedupStore } from '../../src/dedup/dedup-store.js';
import { createMemoryDedupStore } from '../../src/dedup/memory-store.js';
import type { SeverityLabel } from '../../src/events/severity.js';
import { createHandler } from '../../src/handler/create-handler.js';
import { type BatchResult, sqsRecordOf } from '../../src/handler/sqs-batch.js';
import { buildPipeline } from '../../src/pipeline/build-pipeline.js';
import { HELD_SOURCE } from '../../src/pipeline/held-chunk.js';
import { silentLog } from '../../src/pipeline/log.js';
import type { Delivery } from '../../src/pipeline/outcome.js';
import type {
  OutgoingMessage,
  Publisher,
} from '../../src/publish/publisher.js';
import { createSimulatedQueue } from '../../src/replay/simulated-queue.js';
import { fakeContext } from '../helpers/context.js';
import { findingArn } from '../helpers/finding-events.js';
import { findingOnOwnFunction } from '../helpers/sqs-batch.js';

const yaml = (route: string) => `
routes:
  - name: ${route}
    topicArn: arn:aws:sns:eu-central-1:123456789012:team
    format: text
    match: { severity: { min: LOW } }
`;

const START = Date.parse('2026-12-01T12:00:00Z');

/** Buffered mode on a simulated queue: a clock, the messages SNS got, every batch's result. */
const rig = (route = 'team', failPublishes = 0) => {
  let clock = START;
  let failing = failPublishes;
  const queue = createSimulatedQueue({ windowMs: 20_000, now: () => clock });
  const sent: { message: OutgoingMessage; at: number }[] = [];
  const publisher: Publisher = {
    publish: async (messages, onResult) => {
      const results = [];
      for (const [index, message] of messages.entries()) {
        const result =
          failing > 0
            ? {
                ok: false as const,
                retryable: true,
                code: 'InternalError',
                message: 'injected',
              }
            : { ok: true as const, messageId: `m-${sent.length + 1}` };
        if (failing > 0) failing -= 1;
        else sent.push({ message, at: clock });
        results.push(result);
        await onResult?.(index, result);
      }
      return results;
    },
  };
  const batches: { at: number; records: SQSRecord[]; result: BatchResult }[] =
    [];
  let last: BatchResult | undefined;
  const handler = createHandler({
    log: silentLog,
    onBatch: (result) => {
      last = result;
    },
    pipeline: buildPipeline(parseConfig(yaml(route), 'hold.yaml'), {
      dedup: createMemoryDedupStore(),
      bursts: createMemoryBurstLedger(),
      holder: queue.holder,
      publisher,
      log: silentLog,
      now: () => new Date(clock),
    }),
  });
  const send = (n: number, severity: SeverityLabel, atMs: number) =>
    queue.send(
      JSON.stringify(findingOnOwnFunction(n, { severity })),
      START + atMs
    );
  /** Hands every batch to the handler until the queue is empty. */
  const drain = async () => {
    for (let batch = queue.nextBatch(); batch; batch = queue.nextBatch()) {
      clock = batch.closesAt;
      const records = [...batch.records];
      await handler({ Records: records }, fakeContext());
      batches.push({ at: clock, records, result: last as BatchResult });
    }
  };
  const deliveries = () =>
    batches.flatMap(({ result }) =>
      result.reports.flatMap(({ report }) =>
        report.findings.flatMap((finding) =>
          finding.deliveries.map((delivery) => ({
            findingId: finding.findingId,
            delivery,
          }))
        )
      )
    );
  return { queue, sent, batches, send, drain, deliveries, handler };
};

const published = (items: { findingId: string; delivery: Delivery }[]) =>
  items.filter(({ delivery }) => delivery.outcome === 'published');

describe('Buffered mode: a burst spans batches and closes with one digest', () => {
  it('announces a single finding in a quiet hour alone, unchanged, when its batch closes', async () => {
    const { send, drain, sent } = rig();
    send(1, 'HIGH', 5_000);

    await drain();

    expect(sent).toHaveLength(1);
    expect(sent[0]?.at).toBe(START + 25_000);
    expect(sent[0]?.message.findingId).toBe(findingArn(1));
    expect(sent[0]?.message.attributes.kind).toBeUndefined();
  });

  it('sends the burst’s first CRITICAL at once and everything else in one digest when the burst closes', async () => {
    const { send, drain, sent, deliveries } = rig();
    // Batch 1 (closes at 20 s): a burst opens. Batch 2 (at 60 s): 3 more.
    for (let n = 1; n <= 8; n += 1)
      send(n, n === 1 ? 'CRITICAL' : n <= 4 ? 'HIGH' : 'MEDIUM', 0);
    send(9, 'CRITICAL', 60_000);
    send(10, 'HIGH', 61_000);
    send(11, 'LOW', 62_000);

    await drain();

    expect(sent.map(({ message, at }) => [message.findingId, at])).toEqual([
      [findingArn(1), START + 20_000],
      [expect.stringMatching(/^digest:/), START + 320_000 + 20_000],
    ]);
    const digest = sent[1]?.message as OutgoingMessage;
    expect(digest.subject).toContain('10 new findings');
    expect(digest.attributes.kind).toBe('digest');
    // Every finding once: alone or in the digest; the held ones first held.
    const announced = published(deliveries());
    expect(announced.map(({ findingId }) => findingId).sort()).toEqual(
      Array.from({ length: 11 }, (_, n) => findingArn(n + 1)).sort()
    );
    const held = deliveries().filter(
      ({ delivery }) => delivery.outcome === 'held'
    );
    expect(held).toHaveLength(10);
    expect(held[0]?.delivery.held).toEqual({
      burst: 'team@2026-12-01T12:05:20.000Z',
      until: '2026-12-01T12:05:20.000Z',
    });
    // The CRITICAL finding of batch 2 is named in the digest, with its resource.
    expect(digest.body).toContain('fn-9');
  });

  it('announces a held chunk SQS delivers twice only once', async () => {
    const { send, drain, sent, queue, batches, deliveries } = rig();
    for (let n = 1; n <= 7; n += 1) send(n, 'MEDIUM', 0);
    await drain();
    const chunk = batches
      .flatMap(({ records }) => records)
      .find((record) => record.body.includes(HELD_SOURCE)) as SQSRecord;

    queue.send(chunk.body, START + 400_000);
    await drain();

    expect(sent).toHaveLength(1);
    expect(published(deliveries())).toHaveLength(7);
    const again = batches.at(-1)?.result;
    expect(again?.failedIds).toEqual([]);
    expect(
      again?.reports[0]?.report.findings.map((finding) => finding.outcome)
    ).toEqual(Array(7).fill('duplicate'));
  });

  it('fails only the held chunk’s record when its digest cannot be published, and announces it on redelivery', async () => {
    const { send, drain, sent, queue, batches } = rig('team', 1);
    for (let n = 1; n <= 7; n += 1) send(n, 'MEDIUM', 0);
    await drain();
    const flush = batches.at(-1);
    const [record] = flush?.records ?? [];

    expect(flush?.result.failedIds).toEqual([record?.messageId]);
    expect(sent).toHaveLength(0);

    queue.send(record?.body ?? '', START + 1_000_000);
    await drain();

    expect(sent).toHaveLength(1);
    expect(sent[0]?.message.subject).toContain('7 new findings');
    expect(batches.at(-1)?.result.failedIds).toEqual([]);
  });

  it('fails a held chunk’s record, retryable, while another invocation holds a claim on one of its findings', async () => {
    const chunk = await heldChunkOf('team');
    const store = createMemoryDedupStore();

    const { response, result } = await runRecords([chunk], {
      ...store,
      claim: async (request) =>
        request.key.startsWith(`team#${findingArn(3)}@`)
          ? {
              kind: 'busy',
              reason: 'another invocation is announcing this finding',
            }
          : store.claim(request),
    });

    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: chunk.messageId },
    ]);
    const outcomes = result?.reports[0]?.report.findings.map(
      (finding) => finding.deliveries[0]?.errorCode ?? finding.outcome
    );
    expect(outcomes).toContain('ClaimBusy');
    expect(outcomes?.filter((outcome) => outcome === 'published')).toHaveLength(
      6
    );
  });

  it('rejects a malformed held chunk with its path, and fails its record', async () => {
    const record = sqsRecordOf(
      'bad-chunk',
      JSON.stringify({ source: HELD_SOURCE, route: 'team', items: [] })
    );

    const { response, result } = await runRecords([record]);

    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: 'bad-chunk' },
    ]);
    expect(result?.reports[0]?.report.reason).toMatch(
      /^held digest chunk: burst: /
    );
  });

  it('fails a held chunk whose route left the config, naming the route, and keeps it for the dead-letter queue', async () => {
    const chunk = await heldChunkOf('old-route');

    const { response, result } = await runRecords([chunk]);

    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: chunk.messageId },
    ]);
    const [finding] = result?.reports[0]?.report.findings ?? [];
    expect(finding?.deliveries[0]).toMatchObject({
      outcome: 'failed',
      errorCode: 'UnknownRoute',
      retryable: false,
    });
    expect(finding?.reason).toContain('route old-route is not in the config');
  });
});

/** A pipeline with the `team` route only, for chunks from elsewhere. */
const rigPipeline = (dedup: DedupStore = createMemoryDedupStore()) =>
  buildPipeline(parseConfig(yaml('team'), 'hold.yaml'), {
    dedup,
    bursts: createMemoryBurstLedger(),
    holder: { publish: async () => [] },
    publisher: {
      publish: async (messages) =>
        messages.map((_, index) => ({ ok: true, messageId: `m-${index}` })),
    },
    log: silentLog,
  });

/** The held chunk of 7 MEDIUM findings on `route`, taken off the queue before its close. */
const heldChunkOf = async (route: string): Promise<SQSRecord> => {
  const before = rig(route);
  for (let n = 1; n <= 7; n += 1) before.send(n, 'MEDIUM', 0);
  const first = before.queue.nextBatch();
  await before.handler({ Records: [...(first?.records ?? [])] }, fakeContext());
  return before.queue.nextBatch()?.records[0] as SQSRecord;
};

/** Records through a `team` pipeline: the partial batch response and the batch's reports. */
const runRecords = async (records: SQSRecord[], dedup?: DedupStore) => {
  let result: BatchResult | undefined;
  const response = await createHandler({
    log: silentLog,
    onBatch: (batch) => {
      result = batch;
    },
    pipeline: rigPipeline(dedup),
  })({ Records: records }, fakeContext());
  return { response, result };
};
