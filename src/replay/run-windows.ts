import type { NotifierHandler } from '../handler/create-handler.js';
import type { BatchResult } from '../handler/sqs-batch.js';
import type { EventReport } from '../pipeline/outcome.js';
import type { Publisher } from '../publish/publisher.js';
import { inputWhere, unreadableReport } from './input-report.js';
import type { Progress } from './progress.js';
import type { ReplayInput } from './read-inputs.js';
import { type ReplayRecord, replayContext } from './run-replay.js';
import { createSimulatedQueue } from './simulated-queue.js';

export { MAX_BATCH_RECORDS } from './simulated-queue.js';

type Readable = Extract<ReplayInput, { readonly event: unknown }>;

/** An event's EventBridge `time`, or undefined when it has none. */
const timeOf = (event: unknown): number | undefined => {
  const time = (event as { time?: unknown } | null)?.time;
  const parsed = typeof time === 'string' ? Date.parse(time) : Number.NaN;
  return Number.isNaN(parsed) ? undefined : parsed;
};

/** The inputs on the simulated queue, in order of their `time` (an event without one arrives with the one before it). */
const enqueue = (
  queue: ReturnType<typeof createSimulatedQueue>,
  inputs: readonly Readable[]
) => {
  let last = 0;
  const timed = inputs.map((input, order) => {
    last = timeOf(input.event) ?? last;
    return { input, at: last, order };
  });
  timed.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const { input, at } of timed)
    queue.send(JSON.stringify(input.event), at, input);
};

/**
 * Groups events as the buffer queue's event source mapping would: in order
 * of their `time`, a batch holds what arrives within `windowMs` of its first
 * event, and at most `MAX_BATCH_RECORDS` (and 6 MB).
 */
export const windowBatches = (
  inputs: readonly Readable[],
  windowMs: number
): Readable[][] => {
  const queue = createSimulatedQueue({ windowMs, now: () => 0 });
  enqueue(queue, inputs);
  const batches: Readable[][] = [];
  for (let batch = queue.nextBatch(); batch; batch = queue.nextBatch())
    batches.push(batch.tags as Readable[]);
  return batches;
};

/** What the replayed handler is built with: the queue's side of buffered mode. */
export type WindowPorts = {
  readonly onBatch: (result: BatchResult) => void;
  /** Sends held findings back to the simulated queue. */
  readonly holder: Publisher;
  /** The simulated queue's clock: when the batch being handled closed. */
  readonly queueNow: () => Date;
};

/**
 * Buffered mode, replayed: the inputs on a simulated buffer queue
 * (`windowBatches`), each batch handed to the real handler as the SQS
 * batch Lambda would deliver, at the time it would close. Findings a route
 * holds for its burst's digest come back on the queue at the burst's close
 * and are announced then: their records follow the inputs' (`file` is
 * `(held on the queue)`). The inputs' records keep their order.
 */
export const runWindows = async (
  handler: (ports: WindowPorts) => NotifierHandler,
  inputs: readonly ReplayInput[],
  windowMs: number,
  progress?: Progress
): Promise<ReplayRecord[]> => {
  let clock = 0;
  const queue = createSimulatedQueue({ windowMs, now: () => clock });
  const reports = new Map<ReplayInput, EventReport>();
  const held: ReplayRecord[] = [];
  let seen: BatchResult | undefined;
  const run = handler({
    onBatch: (result) => {
      seen = result;
    },
    holder: queue.holder,
    queueNow: () => new Date(clock),
  });
  const readable = inputs.filter(
    (input): input is Readable => 'event' in input
  );
  enqueue(queue, readable);
  let done = 0;
  for (let batch = queue.nextBatch(); batch; batch = queue.nextBatch()) {
    clock = batch.closesAt;
    seen = undefined;
    await run({ Records: [...batch.records] }, replayContext());
    const result = seen as BatchResult | undefined;
    if (!result) throw new Error('the handler reported no batch');
    batch.tags.forEach((tag, index) => {
      const report = result.reports[index]?.report;
      if (!report) throw new Error(`no report for record ${index}`);
      if (tag) {
        reports.set(tag as Readable, report);
        done += 1;
      } else {
        held.push({
          input: { file: '(held on the queue)', index: held.length },
          report,
        });
      }
    });
    progress?.(done, readable.length);
  }
  return [
    ...inputs.map((input) => ({
      input: inputWhere(input),
      report:
        'error' in input
          ? unreadableReport(input.error)
          : (reports.get(input) ?? unreadableReport('not replayed')),
    })),
    ...held,
  ];
};
