import { logDecision } from '../observability/decision-log.js';
import { decisionsOf } from '../observability/decisions-of.js';
import type { Log } from '../pipeline/log.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { inputWhere, unreadableReport } from './input-report.js';
import type { ReplayInput } from './read-inputs.js';
import type { ReplayRecord } from './run-replay.js';

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
        'error' in input ? unreadableReport(input.error) : reports[next++];
      if (!report) throw new Error(`no report for ${file}#${input.index}`);
      for (const decision of decisionsOf(report))
        logDecision(log, decision, {});
      records.push({ input: inputWhere(input), report });
    }
  }
  return records;
};
