import type { NodeRuntime } from './node-runtimes.js';
import type { WorkloadRunner } from './run-workload.js';
import type { Spread } from './stats.js';

/** One line of the bench's table: a figure, its spread and its budget. */
export type BudgetRow = {
  readonly measure: string;
  /** The Node it ran on; undefined for figures that do not depend on it. */
  readonly node?: string;
  /** The figure as printed, with its spread. */
  readonly result: string;
  readonly budget: string;
  /** undefined: reported without a budget on this Node. */
  readonly holds?: boolean;
  /**
   * Set only on a missed budget whose floor, measured in the same run, misses
   * it alone: what the function is built on (the AWS SDK, Powertools, middy)
   * costs more than the budget allows with no code of ours at all. It names
   * that floor. Such a row is reported, not counted as a miss.
   */
  readonly outOfReach?: string;
  /** The raw figures, for bench/results/latest.json. */
  readonly figures: unknown;
};

/** What every benchmark gets from `scripts/bench.ts`. */
export type BenchContext = {
  readonly scratch: string;
  /** The Lambda runtime's Node first, then the machine's. */
  readonly runtimes: readonly NodeRuntime[];
  /** NODE_OPTIONS as the stacks deploy them. */
  readonly nodeOptions: string;
  /** Node's flags as Lambda starts the function (`deployedNodeFlags`). */
  readonly nodeFlags: readonly string[];
  readonly runWorkload: WorkloadRunner;
  /** JSON file of the handled sample events, single-finding events first. */
  readonly samples: string;
  /** The built function: dist/notify-findings/index.mjs. */
  readonly bundle: string;
};

/** A benchmark: `scripts/bench.ts` runs each in turn and prints their rows. */
export type Benchmark = {
  readonly name: string;
  run(context: BenchContext): Promise<BudgetRow[]>;
};

const thousands = (value: number) => Math.round(value).toLocaleString('en-US');

/** "12,300 (11,900 – 12,800)": the median and the range of the samples. */
export const showSpread = (
  { median, min, max }: Spread,
  format: (value: number) => string = thousands
): string => `${format(median)} (${format(min)} – ${format(max)})`;

export const fixed =
  (digits: number) =>
  (value: number): string =>
    value.toFixed(digits);

/** The budgets missed: rows that do not hold and are not out of reach. */
export const missedRows = (rows: readonly BudgetRow[]): BudgetRow[] =>
  rows.filter((row) => row.holds === false && row.outOfReach === undefined);
