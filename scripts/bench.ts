import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { measureColdStart } from '../bench/cold-start.js';

/**
 * `npm run bench`: pipeline throughput, cold start of the built bundle,
 * bundle size and peak memory; prints a table, checks the budgets and
 * writes bench/results/latest.json. Builds first if dist/ is missing.
 */
const BUNDLE = resolve('dist/notify-findings/index.mjs');
const BUDGETS = {
  findingsPerSecond: 20_000,
  coldStartOverheadMs: 70,
  bundleKb: 450,
  peakRssMb: 128,
};

if (!existsSync(BUNDLE))
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
  NOTIFIER_CONFIG: readFileSync('config/example.yaml', 'utf8'),
  NOTIFIER_CONFIG_FILE: '',
  NOTIFIER_CONFIG_PARAMETER: '',
  DEDUP_TABLE_NAME: 'bench-dedup',
});

process.stderr.write('bench: 3/3 bundle size...\n');
const bundle = readFileSync(BUNDLE);
const bundleKb = bundle.length / 1024;
const gzipKb = gzipSync(bundle).length / 1024;

const results = {
  measuredAt: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  throughput,
  coldStart,
  bundle: { rawKb: bundleKb, gzipKb },
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
    `${bundleKb.toFixed(0)} KB raw, ${gzipKb.toFixed(0)} KB gzip`,
    `≤ ${BUDGETS.bundleKb} KB raw`,
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
