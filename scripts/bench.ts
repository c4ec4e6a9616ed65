import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type BenchContext,
  type Benchmark,
  type BudgetRow,
  missedRows,
} from '../bench/bench-kit.js';
import { burstBench } from '../bench/burst-bench.js';
import { coldPathBench } from '../bench/cold-path-bench.js';
import { handlerBench } from '../bench/handler-bench.js';
import { deployedNodeFlags } from '../bench/lambda-launch.js';
import { lambdaNode, machineNode } from '../bench/node-runtimes.js';
import { benchTable } from '../bench/report.js';
import { workloadRunner } from '../bench/run-workload.js';
import { writeSamples } from '../bench/synthetic-events.js';
import { FUNCTION_NODE_OPTIONS } from '../infra/function-runtime.js';

/**
 * `npm run bench`: builds the function, then runs each benchmark below on
 * the Lambda runtime's Node (installed from npm on first use) and on the
 * machine's, prints one Markdown table (the README's) with every figure's
 * spread and budget, writes bench/results/latest.{json,md}, and exits 1 when
 * a budget is missed. A benchmark is a `Benchmark` (bench/bench-kit.ts):
 * add one to this list.
 *
 * `--only NAME` runs the benchmarks whose name contains NAME; `--node
 * lambda|machine` one of the two Nodes (the table says what was left out).
 */
const BENCHMARKS: readonly Benchmark[] = [
  handlerBench,
  coldPathBench,
  burstBench,
];

const { values: options } = parseArgs({
  options: { only: { type: 'string' }, node: { type: 'string' } },
});
if (options.node && !['lambda', 'machine'].includes(options.node)) {
  process.stderr.write('bench: --node is lambda or machine\n');
  process.exit(2);
}
const selected = BENCHMARKS.filter((benchmark) =>
  benchmark.name.includes(options.only ?? '')
);

// Always measure the bundle of the code as it is now.
execFileSync('npm', ['run', 'build'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});

const scratch = join(tmpdir(), `findings-notifier-bench-${process.pid}`);
mkdirSync(scratch, { recursive: true });
const samples = join(scratch, 'samples.json');
writeSamples(samples);

const runtimes = [
  ...(options.node === 'machine' ? [] : [lambdaNode()]),
  ...(options.node === 'lambda' ? [] : [machineNode()]),
];
const context: BenchContext = {
  scratch,
  runtimes,
  nodeOptions: FUNCTION_NODE_OPTIONS,
  nodeFlags: deployedNodeFlags(),
  runWorkload: await workloadRunner(scratch),
  samples,
  bundle: resolve('dist/notify-findings/index.mjs'),
};

const rows: BudgetRow[] = [];
for (const benchmark of selected) rows.push(...(await benchmark.run(context)));

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`;
const table = benchTable(rows, {
  machine,
  nodeOptions: FUNCTION_NODE_OPTIONS,
  nodeFlags: context.nodeFlags,
  runtimes,
});
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.md', table);
writeFileSync(
  'bench/results/latest.json',
  `${JSON.stringify({ measuredAt: new Date().toISOString(), machine, nodeOptions: FUNCTION_NODE_OPTIONS, nodeFlags: context.nodeFlags, rows }, null, 2)}\n`
);
process.stdout.write(table);
const missed = missedRows(rows);
if (missed.length > 0) {
  process.stderr.write(
    `bench: ${missed.length} budget(s) missed: ${missed.map((row) => `${row.measure} (${row.node ?? 'any Node'})`).join('; ')}\n`
  );
  process.exit(1);
}
