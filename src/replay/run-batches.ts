import { logDecision } from '../observability/decision-log.js';
import { decisionsOf } from '../observability/decisions-of.js';
import type { Log } from '../pipeline/log.js';
import type { EventReport } from '../pipeline/outcome.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { ReplayInput } from './read-inputs.js';
import type { ReplayRecord } from './run-replay.js';

const where = (input: ReplayInput) => ({
  file: input.file,
  index: input.index,
  ...('wrapped' in input && input.wrapped ? { wrapped: input.wrapped } : {}),
});

const unreadable = (reason: string): EventReport => ({
  meta: {},
  outcome: 'rejected',
  reason,
  findings: [],
});

/**
 * Replays each file's events together, as one invocation that received
 * them at once (a batch): coverage changes of one kind then become one
 * notice per route. Decisions are logged as the handler logs them.
 */
export const runFileBatches = async (
  pipeline: Pipeline,
  inputs: readonly ReplayInput[],
  log: Log
): Promise<ReplayRecord[]> => {
  const files = [...new Set(inputs.map((input) => input.file))];
  const records: ReplayRecord[] = [];
  for (const file of files) {
    const batch = inputs.filter((input) => input.file === file);
    const events = batch.flatMap((input) =>
      'event' in input ? [input.event] : []
    );
    const reports = await pipeline.runBatch(events);
    let next = 0;
    for (const input of batch) {
      const report =
        'error' in input ? unreadable(input.error) : reports[next++];
      if (!report) throw new Error(`no report for ${file}#${input.index}`);
      for (const decision of decisionsOf(report))
        logDecision(log, decision, {});
      records.push({ input: where(input), report });
    }
  }
  return records;
};
