import type { SQSEvent } from 'aws-lambda';
import type { NotifierHandler } from '../handler/create-handler.js';
import { type BatchResult, sqsRecordOf } from '../handler/sqs-batch.js';
import type { EventReport } from '../pipeline/outcome.js';
import { inputWhere, unreadableReport } from './input-report.js';
import type { Progress } from './progress.js';
import type { ReplayInput } from './read-inputs.js';
import { type ReplayRecord, replayContext } from './run-replay.js';

/** Lambda's largest SQS batch (the event source mapping's `BatchSize`). */
export const MAX_BATCH_RECORDS = 10_000;

type Readable = Extract<ReplayInput, { readonly event: unknown }>;

/** An event's EventBridge `time`, or undefined when it has none. */
const timeOf = (event: unknown): number | undefined => {
  const time = (event as { time?: unknown } | null)?.time;
  const parsed = typeof time === 'string' ? Date.parse(time) : Number.NaN;
  return Number.isNaN(parsed) ? undefined : parsed;
};

/**
 * Groups events as the buffer queue's event source mapping would: in order
 * of their `time` (an event without one arrives with the one before it), a
 * batch holds what arrives within `windowMs` of its first event, and at most
 * `MAX_BATCH_RECORDS`.
 */
export const windowBatches = (
  inputs: readonly Readable[],
  windowMs: number
): Readable[][] => {
  let last = 0;
  const timed = inputs.map((input, order) => {
    last = timeOf(input.event) ?? last;
    return { input, at: last, order };
  });
  timed.sort((a, b) => a.at - b.at || a.order - b.order);
  const batches: Readable[][] = [];
  let opened = Number.NEGATIVE_INFINITY;
  for (const { input, at } of timed) {
    const batch = batches.at(-1);
    if (batch && at < opened + windowMs && batch.length < MAX_BATCH_RECORDS) {
      batch.push(input);
    } else {
      batches.push([input]);
      opened = at;
    }
  }
  return batches;
};

const sqsBatchOf = (batch: readonly Readable[], first: number): SQSEvent => ({
  Records: batch.map((input, index) =>
    sqsRecordOf(
      `replay-${first + index}`,
      JSON.stringify(input.event),
      timeOf(input.event)
    )
  ),
});

/**
 * Buffered mode, replayed: the inputs grouped into batches by event time
 * and window (`windowBatches`), each batch handed to the real handler as
 * the SQS batch Lambda would deliver. Records keep the inputs' order.
 */
export const runWindows = async (
  handler: (result: {
    onBatch: (result: BatchResult) => void;
  }) => NotifierHandler,
  inputs: readonly ReplayInput[],
  windowMs: number,
  progress?: Progress
): Promise<ReplayRecord[]> => {
  const reports = new Map<ReplayInput, EventReport>();
  let seen: BatchResult | undefined;
  const run = handler({
    onBatch: (result) => {
      seen = result;
    },
  });
  const readable = inputs.filter(
    (input): input is Readable => 'event' in input
  );
  let done = 0;
  for (const batch of windowBatches(readable, windowMs)) {
    seen = undefined;
    await run(sqsBatchOf(batch, done), replayContext());
    const result = seen as BatchResult | undefined;
    if (!result) throw new Error('the handler reported no batch');
    batch.forEach((input, index) => {
      const report = result.reports[index]?.report;
      if (!report)
        throw new Error(`no report for ${input.file}#${input.index}`);
      reports.set(input, report);
    });
    done += batch.length;
    progress?.(done, readable.length);
  }
  return inputs.map((input) => ({
    input: inputWhere(input),
    report:
      'error' in input
        ? unreadableReport(input.error)
        : (reports.get(input) ?? unreadableReport('not replayed')),
  }));
};
