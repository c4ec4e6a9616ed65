import { readFileSync, writeFileSync } from 'node:fs';
import { parseValidatedConfig } from '../src/config/validated-config.js';
import { createMemoryBurstLedger } from '../src/dedup/burst-ledger.js';
import { createMemoryDedupStore } from '../src/dedup/memory-store.js';
import {
  createNotifierHandler,
  createObservability,
  observedHandler,
} from '../src/handler/notifier-handler.js';
import { sqsRecordOf } from '../src/handler/sqs-batch.js';
import type { Publisher } from '../src/publish/publisher.js';
import type { BenchConfigName } from './bench-configs.js';
import { lambdaContext } from './lambda-context.js';
import { observabilityOnlyPipeline } from './observability-only.js';
import { syntheticEvents } from './synthetic-events.js';

/**
 * One benchmark process (bundled, run by `scripts/bench.ts` under each Node
 * version with stdout — where the function's log lines and EMF metrics go —
 * sent to /dev/null). It runs the deployed handler's assembly
 * (`createNotifierHandler`: Powertools Logger at INFO, decision metrics,
 * the Lambda context) with the in-memory dedup store and a publisher that
 * drops messages, and writes its figures as JSON to the file it is given.
 *
 * - `steady`: after a warm-up, rounds of events; CPU time (user + system,
 *   all threads) per round, the round's events made before it is timed;
 * - `fresh`: in a fresh process, the CPU time of the first event (one
 *   finding) after init, and of the first 100 findings;
 * - `batch`: 10,000 findings back to back, made one at a time; peak RSS;
 * - `largest-batch`: one SQS batch filled to 6 MB, in buffered mode (the
 *   burst ledger and holder in memory); whether it completed, peak RSS.
 */
export type WorkloadRequest = {
  readonly mode: 'steady' | 'fresh' | 'batch' | 'largest-batch';
  readonly config: BenchConfigName;
  /**
   * `deployed` (default): the handler as deployed; `observability`: the same
   * assembly around a pipeline that does no work (`observabilityOnlyPipeline`).
   */
  readonly handler?: 'deployed' | 'observability';
  /** That config as the build writes it validated (`validatedConfigJson`). */
  readonly validatedConfig: string;
  /** A JSON file holding the handled sample events, single-finding ones first. */
  readonly samples: string;
  readonly out: string;
  readonly rounds?: number;
  readonly eventsPerRound?: number;
  readonly findings?: number;
};

/** CPU spent on a number of findings. */
export type Timed = { findings: number; cpuMicros: number };
/** What `steady` writes: each measured round. */
export type SteadyResult = { rounds: Timed[] };
/** What `fresh` writes: init, the first event, and the first 100 findings. */
export type FreshResult = {
  initMicros: number;
  first: Timed;
  firstHundred: Timed;
};

const request = JSON.parse(process.argv[2] ?? '{}') as WorkloadRequest;
const samples = JSON.parse(readFileSync(request.samples, 'utf8')) as Record<
  string,
  unknown
>[];

const dropping: Publisher = {
  publish: async (messages) =>
    messages.map((_, index) => ({ ok: true, messageId: `m-${index}` })),
};

const cpuMicros = () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

// Init, as the function does it: read the config the build validated
// (no schema), build the handler.
const initStarted = cpuMicros();
const { config } = parseValidatedConfig(
  readFileSync(request.validatedConfig, 'utf8')
);
const { logger, metrics } = createObservability(config.logLevel);
const handler =
  request.handler === 'observability'
    ? observedHandler({
        logger,
        metrics,
        pipeline: observabilityOnlyPipeline(config),
      })
    : createNotifierHandler({
        config,
        logger,
        metrics,
        dedup: createMemoryDedupStore(),
        publisher: dropping,
        bursts: createMemoryBurstLedger(),
        holder: dropping,
      });
const initMicros = cpuMicros() - initStarted;
const rssAfterInit = process.memoryUsage.rss();

/**
 * Lambda's runtime asks for the next event over HTTP between invocations, so
 * the event loop turns between them: callbacks the invocation left on
 * `process.nextTick` (a log line's write completion, one per line) run then.
 * Handing the next event from inside the same chain of promises would leave
 * them queued for the whole round, about 1 KB each, which the heap keeps
 * (60,000 lines of the observability floor filled 96 MB).
 */
const betweenInvocations = () =>
  new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The events a run hands the handler: copies of the samples with distinct
 * finding ids; for the observability floor, which reads nothing of an event
 * but its id, only that id, so the floor holds no cost of making or
 * collecting sample copies.
 */
function* benchEvents(count: number, prefix: string): Generator<unknown> {
  if (request.handler !== 'observability') {
    yield* syntheticEvents(samples, count, prefix);
    return;
  }
  for (let index = 0; index < count; index++)
    yield { id: `bench-${prefix}${index}` };
}

/** Runs events; returns findings handled and CPU µs spent. */
const run = async (
  events: Iterable<unknown>,
  limit = Number.POSITIVE_INFINITY
): Promise<Timed> => {
  let findings = 0;
  const started = cpuMicros();
  for (const event of events) {
    const report = await handler(event, lambdaContext());
    findings += report.findings.length;
    if (findings >= limit) break;
    await betweenInvocations();
  }
  return { findings, cpuMicros: cpuMicros() - started };
};

const steady = async (): Promise<SteadyResult> => {
  const rounds = request.rounds ?? 6;
  const perRound = request.eventsPerRound ?? 1_000;
  await run(benchEvents(perRound, 'warm'));
  const results: Timed[] = [];
  for (let round = 0; round < rounds; round++) {
    const events = [...benchEvents(perRound, `r${round}-`)];
    results.push(await run(events));
  }
  return { rounds: results };
};

const fresh = async (): Promise<FreshResult> => {
  // Made before anything is timed; structuredClone only, nothing warms up.
  const events = [...benchEvents(100, 'fresh')];
  const first = await run(events.slice(0, 1));
  const rest = await run(events.slice(1), 100 - first.findings);
  return {
    initMicros,
    first,
    firstHundred: {
      findings: first.findings + rest.findings,
      cpuMicros: first.cpuMicros + rest.cpuMicros,
    },
  };
};

const batch = async () => {
  const result = await run(
    syntheticEvents(samples, Number.MAX_SAFE_INTEGER, 'batch'),
    request.findings ?? 10_000
  );
  const mb = (bytes: number) => bytes / 2 ** 20;
  const { heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return {
    ...result,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    rssAfterInitMb: mb(rssAfterInit),
    endMb: {
      heapTotal: mb(heapTotal),
      heapUsed: mb(heapUsed),
      external: mb(external),
      arrayBuffers: mb(arrayBuffers),
    },
  };
};

/** Lambda hands an SQS batch to one invocation up to 6 MB of records. */
const SQS_BATCH_MAX_BYTES = 6 * 2 ** 20;
const SQS_BATCH_MAX_RECORDS = 10_000;

/**
 * The largest invocation buffered mode can get: one SQS batch of distinct
 * findings filled to Lambda's 6 MB (or 10,000 records), built before it is
 * handed over, as the runtime holds it. Peak RSS and whether it completed
 * under the heap flags the process was started with.
 */
const largestBatch = async () => {
  const records = [];
  let bytes = 0;
  for (const event of syntheticEvents(samples, SQS_BATCH_MAX_RECORDS, 'big')) {
    const body = JSON.stringify(event);
    const record = sqsRecordOf(`m-${records.length}`, body, Date.now());
    const size = Buffer.byteLength(JSON.stringify(record));
    if (bytes + size > SQS_BATCH_MAX_BYTES) break;
    bytes += size;
    records.push(record);
  }
  const started = cpuMicros();
  const response = await handler({ Records: records }, lambdaContext());
  return {
    records: records.length,
    bytes,
    failed: response.batchItemFailures.length,
    cpuMicros: cpuMicros() - started,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
};

const modes = { steady, fresh, batch, 'largest-batch': largestBatch };
writeFileSync(
  request.out,
  JSON.stringify({ node: process.version, ...(await modes[request.mode]()) })
);
