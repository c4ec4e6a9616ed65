import { performance } from 'node:perf_hooks';
import type { Context } from 'aws-lambda';
import type { Config } from '../src/config/config-schema.js';
import { MESSAGE_FORMATS } from '../src/config/message-formats.js';
import { createMemoryDedupStore } from '../src/dedup/memory-store.js';
import { createHandler } from '../src/handler/create-handler.js';
import { buildPipeline } from '../src/pipeline/build-pipeline.js';
import { silentLog } from '../src/pipeline/log.js';
import type { Publisher } from '../src/publish/publisher.js';
import { handledSampleEvents, syntheticEvents } from './synthetic-events.js';

/**
 * Benchmark 1, run in its own process: the handled sample events replicated
 * to N events with distinct finding ids, in-memory dedup, a publisher that
 * drops messages, one route per format so every format is rendered. Prints
 * one JSON line: findings per second and peak resident memory.
 */
const EVENTS = Number(process.argv[2] ?? 10_000);

const config: Config = {
  routes: MESSAGE_FORMATS.map((format) => ({
    name: `bench-${format}`,
    topicArn: `arn:aws:sns:us-east-1:123456789012:bench-${format}`,
    format,
    perProtocol: false,
    stop: false,
    announceResolutions: true,
    acknowledge: false,
  })),
  suppressions: [],
  dedup: { windowHours: 24 },
  logLevel: 'INFO',
} as Config;

const dropping: Publisher = {
  publish: async (messages) =>
    messages.map((_, index) => ({ ok: true, messageId: `m-${index}` })),
};

const context = { getRemainingTimeInMillis: () => 900_000 } as Context;

const handler = createHandler({
  log: silentLog,
  pipeline: buildPipeline(config, {
    dedup: createMemoryDedupStore(),
    publisher: dropping,
    log: silentLog,
  }),
});

const samples = handledSampleEvents();
for (const event of syntheticEvents(samples, 500, 'warm'))
  await handler(event, context);

let findings = 0;
let messages = 0;
// Only the handler is timed: making each synthetic event (a deep copy with
// new ids) is the benchmark's work, not the pipeline's.
let handlerMs = 0;
for (const event of syntheticEvents(samples, EVENTS)) {
  const started = performance.now();
  const report = await handler(event, context);
  handlerMs += performance.now() - started;
  findings += report.findings.length;
  messages += report.findings.reduce(
    (sum, finding) =>
      sum + finding.deliveries.filter((delivery) => delivery.message).length,
    0
  );
}
const seconds = handlerMs / 1000;

process.stdout.write(
  `${JSON.stringify({
    events: EVENTS,
    findings,
    messages,
    seconds,
    findingsPerSecond: findings / seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`
);
