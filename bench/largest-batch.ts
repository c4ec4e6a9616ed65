import { FUNCTION_HEAP_OPTIONS } from '../infra/function-runtime.js';
import type { BenchContext, BudgetRow } from './bench-kit.js';
import type { NodeRuntime } from './node-runtimes.js';

type LargestBatchResult = {
  records: number;
  bytes: number;
  failed: number;
  cpuMicros: number;
  peakRssMb: number;
};

/**
 * The heap sizes' safety check: the largest invocation buffered mode can
 * get (an SQS batch of distinct findings filled to Lambda's 6 MB, on the
 * three routes) must complete under the deployed heap sizes, every record
 * done. A process that runs out of heap fails the row, with its error.
 */
export const largestBatchRow = (
  context: BenchContext,
  node: NodeRuntime
): BudgetRow => {
  const measure = `largest SQS batch (6 MB, 3 routes) under \`${FUNCTION_HEAP_OPTIONS}\``;
  const budget = 'completes, no record failed';
  try {
    const result = context.runWorkload<LargestBatchResult>(node, context, {
      mode: 'largest-batch',
      config: 'formats',
      samples: context.samples,
    });
    return {
      measure,
      node: node.version,
      result: `${result.records.toLocaleString('en-US')} records, ${result.failed} failed; peak RSS ${result.peakRssMb.toFixed(0)} MB, CPU ${(result.cpuMicros / 1e6).toFixed(2)} s`,
      budget,
      holds: result.failed === 0,
      figures: result,
    };
  } catch (error) {
    return {
      measure,
      node: node.version,
      result: `did not complete: ${String(error).slice(0, 200)}`,
      budget,
      holds: false,
      figures: { error: String(error) },
    };
  }
};
