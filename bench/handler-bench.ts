import { cpus } from 'node:os';
import type { BenchConfigName } from './bench-configs.js';
import type { BenchContext, Benchmark, BudgetRow } from './bench-kit.js';
import { fixed, showSpread } from './bench-kit.js';
import { largestBatchRow } from './largest-batch.js';
import type { NodeRuntime } from './node-runtimes.js';
import {
  firstFindingFloor,
  measureObservabilityFloor,
  throughputFloor,
} from './observability-floor.js';
import { oneCpuPrefix } from './one-cpu.js';
import { type Spread, spread } from './stats.js';
import type { FreshResult, SteadyResult, Timed } from './workload.js';

type BatchResult = Timed & {
  peakRssMb: number;
  rssAfterInitMb: number;
  endMb: Record<string, number>;
};

export const BUDGETS = {
  formatsPerCpuSecond: 6_000,
  slackPerCpuSecond: 12_000,
  firstFindingCpuMs: 3,
  firstHundredOverSteady: 3,
  batchPeakRssMb: 100,
} as const;

const FRESH_PROCESSES = 10;
const BATCH_FINDINGS = 10_000;

/** Findings per CPU-second, warm: 8 rounds of 800 events after a warm-up. */
const steady = (
  context: BenchContext,
  node: NodeRuntime,
  config: BenchConfigName
): Spread => {
  const result = context.runWorkload<SteadyResult>(node, context, {
    mode: 'steady',
    config,
    samples: context.samples,
    rounds: 8,
    eventsPerRound: 800,
  });
  return spread(
    result.rounds.map((round) => round.findings / (round.cpuMicros / 1e6))
  );
};

const perCpuSecond = (
  measure: string,
  node: NodeRuntime,
  figures: Spread,
  budget: number,
  floorMicros: Spread
): BudgetRow => {
  const floor = throughputFloor(floorMicros, budget);
  const holds = figures.median >= budget;
  return {
    measure,
    node: node.version,
    result: `${showSpread(figures)} findings/CPU-s (${floor.text})`,
    budget: `≥ ${budget.toLocaleString('en-US')}`,
    holds,
    ...(!holds && floor.outOfReach ? { outOfReach: floor.outOfReach } : {}),
    figures: { throughput: figures, floorMicros },
  };
};

/**
 * The deployed handler (`createNotifierHandler`: Powertools Logger at INFO
 * to /dev/null, decision metrics, in-memory dedup, a publisher that drops
 * messages), on each Node:
 *
 * - steady throughput in findings per CPU-second (user + system, all
 *   threads) for one route per format and for one Slack route;
 * - the floor under both and under the first finding: the same assembly
 *   around a pipeline that does no work (`measureObservabilityFloor`); a
 *   budget the floor alone misses is out of reach;
 * - in 10 fresh processes: the CPU of the first event (one finding) after
 *   init, and the mean CPU of the first 100 findings against the steady cost;
 * - peak RSS of one process handling 10,000 findings back to back, on one
 *   CPU as on Lambda below one vCPU (`oneCpuPrefix`), and on all CPUs;
 * - that the largest SQS batch completes under the deployed heap sizes.
 */
export const handlerBench: Benchmark = {
  name: 'deployed handler',
  run: async (context) => {
    const rows: BudgetRow[] = [];
    for (const node of context.runtimes) {
      process.stderr.write(`bench: deployed handler on ${node.label}...\n`);
      const formats = steady(context, node, 'formats');
      const slack = steady(context, node, 'slack');
      const floor = measureObservabilityFloor(context, node, FRESH_PROCESSES);
      rows.push(
        perCpuSecond(
          'steady, 3 routes (chatbot, slack, text)',
          node,
          formats,
          BUDGETS.formatsPerCpuSecond,
          floor.steadyMicros.formats
        ),
        perCpuSecond(
          'steady, 1 slack route',
          node,
          slack,
          BUDGETS.slackPerCpuSecond,
          floor.steadyMicros.slack
        )
      );

      const fresh = Array.from({ length: FRESH_PROCESSES }, () =>
        context.runWorkload<FreshResult>(node, context, {
          mode: 'fresh',
          config: 'formats',
          samples: context.samples,
        })
      );
      const firstMs = spread(fresh.map((run) => run.first.cpuMicros / 1000));
      const steadyMicros = 1e6 / formats.median;
      const hundredRatio = spread(
        fresh.map(
          (run) =>
            run.firstHundred.cpuMicros /
            run.firstHundred.findings /
            steadyMicros
        )
      );
      const firstFloor = firstFindingFloor(
        floor.firstMs,
        BUDGETS.firstFindingCpuMs
      );
      const firstHolds = firstMs.median <= BUDGETS.firstFindingCpuMs;
      rows.push(
        {
          measure: 'fresh process: first finding (after init), CPU',
          node: node.version,
          result: `${showSpread(firstMs, fixed(1))} ms (${firstFloor.text})`,
          budget: `≤ ${BUDGETS.firstFindingCpuMs} ms`,
          holds: firstHolds,
          ...(!firstHolds && firstFloor.outOfReach
            ? { outOfReach: firstFloor.outOfReach }
            : {}),
          figures: {
            firstMs,
            floorFirstMs: floor.firstMs,
            initMs: spread(fresh.map((run) => run.initMicros / 1000)),
          },
        },
        {
          measure: 'fresh process: mean of first 100 findings ÷ steady',
          node: node.version,
          result: `${showSpread(hundredRatio, fixed(1))} × (steady ${steadyMicros.toFixed(0)} µs)`,
          budget: `≤ ${BUDGETS.firstHundredOverSteady} ×`,
          holds: hundredRatio.median <= BUDGETS.firstHundredOverSteady,
          figures: { hundredRatio, steadyMicros },
        }
      );

      const batches = (prefix?: readonly string[]) =>
        Array.from({ length: 3 }, () =>
          context.runWorkload<BatchResult>(
            node,
            { ...context, ...(prefix ? { prefix } : {}) },
            {
              mode: 'batch',
              config: 'formats',
              samples: context.samples,
              findings: BATCH_FINDINGS,
            }
          )
        );
      const pin = oneCpuPrefix();
      const batch = batches(pin);
      const rss = spread(batch.map((run) => run.peakRssMb));
      const allCpus = pin ? spread(batches().map((run) => run.peakRssMb)) : rss;
      rows.push({
        measure: `peak RSS, ${BATCH_FINDINGS.toLocaleString('en-US')} findings (3 routes), ${pin ? 'on one CPU' : 'on all CPUs (no taskset here)'}`,
        node: node.version,
        result: pin
          ? `${showSpread(rss)} MB (on all ${cpus().length} CPUs: ${showSpread(allCpus)} MB)`
          : `${showSpread(rss)} MB`,
        budget: `≤ ${BUDGETS.batchPeakRssMb} MB`,
        holds: rss.median <= BUDGETS.batchPeakRssMb,
        figures: {
          rss,
          allCpus,
          rssAfterInitMb: spread(batch.map((run) => run.rssAfterInitMb)),
          endMb: batch.map((run) => run.endMb),
        },
      });
      rows.push(largestBatchRow(context, node));
    }
    return rows;
  },
};
