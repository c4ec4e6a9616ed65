import type { BenchConfigName } from './bench-configs.js';
import type { BenchContext } from './bench-kit.js';
import { fixed, showSpread } from './bench-kit.js';
import type { NodeRuntime } from './node-runtimes.js';
import { type Spread, spread } from './stats.js';
import type { FreshResult, SteadyResult } from './workload.js';

/** What the function's libraries cost alone, per finding. */
export type ObservabilityFloor = {
  /** CPU µs per finding, warm, for each bench config (routes). */
  readonly steadyMicros: Readonly<Record<BenchConfigName, Spread>>;
  /** CPU ms of the first invocation in a fresh process, after init. */
  readonly firstMs: Spread;
};

const LIBRARIES = 'middy, Powertools Logger and Metrics';

/**
 * The deployed handler's assembly around a pipeline that does no work
 * (`bench/observability-only.ts`), run as the handler is run: warm, for each
 * config (every finding's decision line and route metrics as deployed), and
 * in fresh processes (the first invocation's CPU). No pipeline can make the
 * deployed handler cheaper than this.
 */
export const measureObservabilityFloor = (
  context: BenchContext,
  node: NodeRuntime,
  freshProcesses: number
): ObservabilityFloor => {
  const steady = (config: BenchConfigName): Spread => {
    const result = context.runWorkload<SteadyResult>(node, context, {
      mode: 'steady',
      handler: 'observability',
      config,
      samples: context.samples,
      rounds: 8,
      // Each round a few times longer than the handler's (its events cost
      // less), so a round is not shorter than the noise.
      eventsPerRound: 4_000,
    });
    return spread(
      result.rounds.map((round) => round.cpuMicros / round.findings)
    );
  };
  const fresh = Array.from({ length: freshProcesses }, () =>
    context.runWorkload<FreshResult>(node, context, {
      mode: 'fresh',
      handler: 'observability',
      config: 'formats',
      samples: context.samples,
    })
  );
  return {
    steadyMicros: { formats: steady('formats'), slack: steady('slack') },
    firstMs: spread(fresh.map((run) => run.first.cpuMicros / 1000)),
  };
};

/**
 * A throughput budget against its floor: the floor as a share of the
 * budget's time per finding, and whether the floor alone misses it. Only its
 * cheapest sample counts for that: noise makes a floor dearer, never
 * cheaper, so a budget is out of reach only if even that sample misses it.
 */
export const throughputFloor = (floorMicros: Spread, budget: number) => {
  const allowedMicros = 1e6 / budget;
  const share = (100 * floorMicros.median) / allowedMicros;
  return {
    text: `${LIBRARIES} alone: ${showSpread(floorMicros, fixed(0))} µs a finding, ${share.toFixed(0)} % of the ${allowedMicros.toFixed(0)} µs the budget allows`,
    ...(floorMicros.min > allowedMicros
      ? {
          outOfReach: `${LIBRARIES} alone allow at most ${Math.floor(1e6 / floorMicros.min).toLocaleString('en-US')} findings/CPU-s`,
        }
      : {}),
  };
};

/**
 * The first-finding budget against the libraries' own first invocation,
 * out of reach only if their cheapest first invocation misses it.
 */
export const firstFindingFloor = (firstMs: Spread, budgetMs: number) => ({
  text: `${LIBRARIES} alone: ${showSpread(firstMs, fixed(1))} ms`,
  ...(firstMs.min > budgetMs
    ? {
        outOfReach: `${LIBRARIES} alone take at least ${firstMs.min.toFixed(1)} ms on their first invocation`,
      }
    : {}),
});
