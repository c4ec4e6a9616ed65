import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { functionBundleOptions } from '../infra/function-bundle-options.js';
import type { Benchmark, BudgetRow } from './bench-kit.js';
import { fixed, showSpread } from './bench-kit.js';
import { type BundleSize, measureBundle } from './bundle-size.js';
import { type ColdPath, measureColdPath } from './cold-path.js';
import { startLoopbackAws } from './loopback-aws.js';
import type { NodeRuntime } from './node-runtimes.js';

export const COLD_BUDGETS = { overheadMs: 60, coldStartKb: 350 } as const;

/** A HIGH package vulnerability: the example config publishes it on a route. */
const COLD_EVENT =
  'events/inspector2/lambda-package-vuln-high-exploit-available-docs.json';

const RUNS = 15;

const FLOOR = 'the libraries alone (AWS SDK, middy, Powertools)';

/** Builds `bench/library-floor-function.ts` as the function is built. */
const buildLibraryFloor = async (scratch: string): Promise<string> => {
  const outdir = join(scratch, 'library-floor');
  await build({
    ...functionBundleOptions('bench/library-floor-function.ts', outdir),
    logLevel: 'error',
  });
  return join(outdir, 'index.mjs');
};

const importRow = (
  node: NodeRuntime,
  cold: ColdPath,
  floor: ColdPath
): BudgetRow => {
  const budget = COLD_BUDGETS.overheadMs;
  const deployed = node.lambda;
  const holds = cold.overheadCpu.median <= budget;
  // The floor's cheapest run: noise makes it dearer, never cheaper.
  const floorMs = floor.overheadCpu.min;
  return {
    measure: `import to first result over an empty module, CPU (${RUNS} + ${RUNS} processes)`,
    node: node.version,
    result: `${showSpread(cold.overheadCpu, fixed(0))} ms (wall ${cold.overhead.median.toFixed(0)} ms; empty module ${cold.empty.wallMs.median.toFixed(0)} ms wall, ${cold.empty.cpuMs.median.toFixed(0)} ms CPU; ${FLOOR}, the same calls: ${showSpread(floor.overheadCpu, fixed(0))} ms)`,
    budget: deployed ? `≤ ${budget} ms` : '(Lambda Node only)',
    ...(deployed ? { holds } : {}),
    ...(deployed && !holds && floorMs > budget
      ? {
          outOfReach: `${FLOOR} take at least ${floorMs.toFixed(0)} ms to the same first result`,
        }
      : {}),
    figures: { cold, floor },
  };
};

const bundleRow = (bundle: BundleSize, floor: BundleSize): BudgetRow => {
  const budget = COLD_BUDGETS.coldStartKb;
  const holds = bundle.coldStart.rawKb <= budget;
  const floorKb = floor.coldStart.rawKb;
  return {
    measure: 'bundle loaded at cold start',
    result: `${bundle.coldStart.rawKb.toFixed(0)} KB (${bundle.coldStart.gzipKb.toFixed(0)} KB gzip, ${bundle.coldStart.files} files; ${bundle.total.rawKb.toFixed(0)} KB in all; ${FLOOR}: ${floorKb.toFixed(0)} KB)`,
    budget: `≤ ${budget} KB`,
    holds,
    ...(!holds && floorKb > budget
      ? { outOfReach: `${FLOOR} load ${floorKb.toFixed(0)} KB` }
      : {}),
    figures: { bundle, floor },
  };
};

/**
 * Import-to-first-result over an empty module (budget on the Lambda
 * runtime's Node; the machine's Node is shown beside it), and what a cold
 * start loads of the built bundle; each beside its floor, the same measure
 * of `bench/library-floor-function.ts` (a budget the floor alone misses is
 * out of reach). The budget is on CPU time (user +
 * system): on a shared machine wall time measures the scheduler as much as
 * the code (the wall figures are shown beside it).
 */
export const coldPathBench: Benchmark = {
  name: 'cold path',
  run: async (context) => {
    const rows: BudgetRow[] = [];
    const floorBundle = await buildLibraryFloor(context.scratch);
    const aws = await startLoopbackAws();
    try {
      const event = JSON.parse(readFileSync(COLD_EVENT, 'utf8')) as Record<
        string,
        unknown
      >;
      for (const node of context.runtimes) {
        process.stderr.write(`bench: cold path on ${node.label}...\n`);
        const measure = (bundle: string) =>
          measureColdPath({
            node,
            bundle,
            scratch: context.scratch,
            event,
            runs: RUNS,
            nodeFlags: context.nodeFlags,
            env: {
              PATH: process.env.PATH,
              ...aws.env,
              NODE_OPTIONS: context.nodeOptions,
              NOTIFIER_CONFIG_FILE: context.bundle.replace(
                /index\.mjs$/,
                'notifier-config.json'
              ),
            },
          });
        const cold = await measure(context.bundle);
        const floor = await measure(floorBundle);
        rows.push(importRow(node, cold, floor));
      }
    } finally {
      await aws.stop();
    }
    rows.push(
      bundleRow(measureBundle(context.bundle), measureBundle(floorBundle))
    );
    return rows;
  },
};
