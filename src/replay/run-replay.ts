import type { Context } from 'aws-lambda';
import type { NotifierHandler } from '../handler/create-handler.js';
import { RejectedEventError } from '../handler/rejected-event-error.js';
import type { EventReport } from '../pipeline/outcome.js';
import { inputWhere, unreadableReport } from './input-report.js';
import type { Progress } from './progress.js';
import type { ReplayInput } from './read-inputs.js';

/** One replayed input and what the handler made of it. */
export type ReplayRecord = {
  readonly input: {
    readonly file: string;
    readonly index: number;
    readonly wrapped?: string;
  };
  readonly report: EventReport;
};

export const replayContext = (): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'findings-notifier-replay',
  functionVersion: '$LATEST',
  invokedFunctionArn:
    'arn:aws:lambda:local:000000000000:function:findings-notifier-replay',
  memoryLimitInMB: '256',
  awsRequestId: 'replay',
  logGroupName: 'replay',
  logStreamName: 'replay',
  getRemainingTimeInMillis: () => 900_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

/** Runs every input through the real handler, in order. */
export const runReplay = async (
  handler: NotifierHandler,
  inputs: readonly ReplayInput[],
  progress?: Progress
): Promise<ReplayRecord[]> => {
  const records: ReplayRecord[] = [];
  for (const input of inputs) {
    const where = inputWhere(input);
    if ('error' in input) {
      records.push({ input: where, report: unreadableReport(input.error) });
      continue;
    }
    // A rejected event fails the invocation (so Lambda keeps it in the
    // failure destination); replay shows its report instead.
    const report = await handler(input.event, replayContext()).catch(
      (error: unknown) => {
        if (error instanceof RejectedEventError) return error.report;
        throw error;
      }
    );
    records.push({ input: where, report });
    progress?.(records.length, inputs.length);
  }
  return records;
};
