import { readFileSync } from 'node:fs';
import type { Context } from 'aws-lambda';
import { parseConfig } from '../src/config/parse-config.js';
import { createMemoryBurstLedger } from '../src/dedup/burst-ledger.js';
import { createMemoryDedupStore } from '../src/dedup/memory-store.js';
import { parseEvent } from '../src/event-kinds/parse-event.js';
import type { Finding } from '../src/findings/finding.js';
import { escapeMrkdwn } from '../src/formatters/text-safety.js';
import { createHandler } from '../src/handler/create-handler.js';
import type { BatchResult } from '../src/handler/sqs-batch.js';
import { buildPipeline } from '../src/pipeline/build-pipeline.js';
import { silentLog } from '../src/pipeline/log.js';
import type { OutgoingMessage, Publisher } from '../src/publish/publisher.js';
import { createSimulatedQueue } from '../src/replay/simulated-queue.js';
import { burstEvent } from './burst-events.js';
import { handledSampleEvents } from './synthetic-events.js';

/** The event source mapping's default window (infra/cdk/steps/buffered-mode.ts). */
const WINDOW_MS = 20_000;
const BURST_MS = 5 * 60_000;

export type RouteBurst = {
  readonly route: string;
  readonly findings: number;
  readonly messages: number;
  readonly maxIn60s: number;
  readonly messagesPerFinding: number;
  readonly namedHighAndCritical: string;
  readonly everyFindingOnce: boolean;
  readonly holds: boolean;
};

/** The text a reader sees in a message body, whatever its format. */
const visibleText = (message: OutgoingMessage): string => {
  const unwrap = (body: string): string => {
    try {
      return JSON.stringify(JSON.parse(body));
    } catch {
      return body;
    }
  };
  if (message.structure === 'json') {
    const bodies = JSON.parse(message.body) as Record<string, string>;
    return Object.values(bodies).map(unwrap).join('\n');
  }
  return unwrap(message.body);
};

/** How a format writes a resource name: escaped for mrkdwn, as JSON text. */
const appearsIn = (text: string, name: string): boolean =>
  [name, escapeMrkdwn(name)].some(
    (form) =>
      text.includes(form) || text.includes(JSON.stringify(form).slice(1, -1))
  );

const resourceName = (finding: Finding): string => {
  const resource = finding.resources[0];
  const id = resource?.id ?? 'unknown resource';
  return (
    resource?.name ?? /^arn:[^:]*:[^:]*:[^:]*:[^:]*:(.+)$/.exec(id)?.[1] ?? id
  );
};

/**
 * Benchmark: 10,000 distinct findings (every handled sample kind, about 5%
 * CRITICAL and 20% HIGH) arriving evenly within 5 minutes, batched as the
 * event source mapping does (20 s window, 10,000 records, 6 MB), through
 * the real handler in buffered mode with config/example.yaml and the
 * in-memory store. Time is simulated: a batch's messages are sent when it
 * closes.
 */
export const runBurstBench = async (
  count = 10_000,
  windowMs = WINDOW_MS
): Promise<RouteBurst[]> => {
  const config = parseConfig(
    readFileSync('config/example.yaml', 'utf8'),
    'config/example.yaml'
  );
  const samples = handledSampleEvents();
  let clock = 0;
  const queue = createSimulatedQueue({ windowMs, now: () => clock });
  const sent = new Map<string, { message: OutgoingMessage; at: number }>();
  const publisher: Publisher = {
    publish: async (messages) =>
      messages.map((message) => {
        const messageId = `m-${sent.size + 1}`;
        sent.set(messageId, { message, at: clock });
        return { ok: true, messageId };
      }),
  };
  const batches: BatchResult[] = [];
  const handler = createHandler({
    log: silentLog,
    onBatch: (result) => batches.push(result),
    pipeline: buildPipeline(config, {
      dedup: createMemoryDedupStore(),
      publisher,
      bursts: createMemoryBurstLedger(),
      holder: queue.holder,
      log: silentLog,
      now: () => new Date(Date.UTC(2026, 11, 1) + clock),
    }),
  });
  const context = { getRemainingTimeInMillis: () => 900_000 } as Context;

  const findings = new Map<string, Finding>();
  for (let n = 0; n < count; n += 1) {
    const event = burstEvent(samples, n);
    const parsed = parseEvent(event);
    if (parsed.kind === 'findings')
      for (const finding of parsed.findings) findings.set(finding.id, finding);
    queue.send(JSON.stringify(event), Math.floor((n * BURST_MS) / count));
  }
  // Until the last held chunk has come back and been announced.
  for (let batch = queue.nextBatch(); batch; batch = queue.nextBatch()) {
    clock = batch.closesAt;
    const response = await handler({ Records: [...batch.records] }, context);
    if (response.batchItemFailures.length > 0)
      throw new Error('a batch failed');
  }

  const routes = config.routes.map(({ name }): RouteBurst => {
    const deliveries = batches.flatMap((result) =>
      result.reports.flatMap(({ report }) =>
        report.findings.flatMap((finding) =>
          finding.deliveries
            .filter(
              (delivery) =>
                delivery.route === name && delivery.outcome === 'published'
            )
            .map((delivery) => ({ finding, delivery }))
        )
      )
    );
    const perFinding = new Map<string, number>();
    const perMessage = new Map<string, number>();
    for (const { finding, delivery } of deliveries) {
      perFinding.set(
        finding.findingId,
        (perFinding.get(finding.findingId) ?? 0) + 1
      );
      perMessage.set(
        delivery.messageId ?? '',
        (perMessage.get(delivery.messageId ?? '') ?? 0) + 1
      );
    }
    const messageIds = [...perMessage.keys()];
    const everyFindingOnce =
      [...perFinding.values()].every((times) => times === 1) &&
      deliveries.every(
        ({ delivery }) =>
          perMessage.get(delivery.messageId ?? '') ===
          (delivery.digest?.findings ?? 1)
      ) &&
      messageIds.every((id) => sent.get(id)?.message.route === name);
    const urgent = deliveries.filter(({ finding }) =>
      ['CRITICAL', 'HIGH'].includes(finding.severity.label)
    );
    const named = urgent.filter(({ finding, delivery }) => {
      const found = findings.get(finding.findingId);
      const message = sent.get(delivery.messageId ?? '')?.message;
      return (
        found && message && appearsIn(visibleText(message), resourceName(found))
      );
    });
    const times = messageIds
      .map((id) => sent.get(id)?.at ?? 0)
      .sort((a, b) => a - b);
    let maxIn60s = 0;
    for (let start = 0, end = 0; end < times.length; end += 1) {
      while ((times[end] as number) - (times[start] as number) >= 60_000)
        start += 1;
      maxIn60s = Math.max(maxIn60s, end - start + 1);
    }
    const messagesPerFinding =
      deliveries.length === 0 ? 0 : messageIds.length / deliveries.length;
    return {
      route: name,
      findings: deliveries.length,
      messages: messageIds.length,
      maxIn60s,
      messagesPerFinding,
      namedHighAndCritical: `${named.length}/${urgent.length}`,
      everyFindingOnce,
      holds:
        maxIn60s <= 60 &&
        messagesPerFinding <= 0.02 &&
        named.length === urgent.length &&
        everyFindingOnce,
    };
  });
  return routes;
};
