import { readFileSync } from 'node:fs';
import type { Benchmark, BudgetRow } from './bench-kit.js';
import { fixed, showSpread } from './bench-kit.js';
import { measureBundle } from './bundle-size.js';
import { measureColdPath } from './cold-path.js';
import { startLoopbackAws } from './loopback-aws.js';

export const COLD_BUDGETS = { overheadMs: 60, coldStartKb: 350 } as const;

/** A HIGH package vulnerability: the example config publishes it on a route. */
const COLD_EVENT =
  'events/inspector2/lambda-package-vuln-high-exploit-available-docs.json';

const RUNS = 15;

/**
 * Import-to-first-result over an empty module (budget on the Lambda
 * runtime's Node; the machine's Node is shown beside it), and what a cold
 * start loads of the built bundle. The budget is on CPU time (user +
 * system): on a shared machine wall time measures the scheduler as much as
 * the code (the wall figures are shown beside it).
 */
export const coldPathBench: Benchmark = {
  name: 'cold path',
  run: async (context) => {
    const rows: BudgetRow[] = [];
    const aws = await startLoopbackAws();
    try {
      const event = JSON.parse(readFileSync(COLD_EVENT, 'utf8')) as Record<
        string,
        unknown
      >;
      for (const node of context.runtimes) {
        process.stderr.write(`bench: cold path on ${node.label}...\n`);
        const cold = await measureColdPath({
          node,
          bundle: context.bundle,
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
        const deployed = node.lambda;
        rows.push({
          measure: `import to first result over an empty module, CPU (${RUNS} + ${RUNS} processes)`,
          node: node.version,
          result: `${showSpread(cold.overheadCpu, fixed(0))} ms (wall ${cold.overhead.median.toFixed(0)} ms; empty module ${cold.empty.wallMs.median.toFixed(0)} ms wall, ${cold.empty.cpuMs.median.toFixed(0)} ms CPU)`,
          budget: deployed
            ? `≤ ${COLD_BUDGETS.overheadMs} ms`
            : '(Lambda Node only)',
          ...(deployed
            ? { holds: cold.overheadCpu.median <= COLD_BUDGETS.overheadMs }
            : {}),
          figures: cold,
        });
      }
    } finally {
      await aws.stop();
    }
    const bundle = measureBundle(context.bundle);
    rows.push({
      measure: 'bundle loaded at cold start',
      result: `${bundle.coldStart.rawKb.toFixed(0)} KB (${bundle.coldStart.gzipKb.toFixed(0)} KB gzip, ${bundle.coldStart.files} files; ${bundle.total.rawKb.toFixed(0)} KB in all)`,
      budget: `≤ ${COLD_BUDGETS.coldStartKb} KB`,
      holds: bundle.coldStart.rawKb <= COLD_BUDGETS.coldStartKb,
      figures: bundle,
    });
    return rows;
  },
};
