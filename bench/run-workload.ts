import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { NodeRuntime } from './node-runtimes.js';
import type { WorkloadRequest } from './workload.js';

/**
 * Bundles bench/workload.ts as the function is bundled (ESM, minified) and
 * returns a runner: one fresh process per call, under the given Node and
 * NODE_OPTIONS, its stdout (the function's logs and metrics) to /dev/null.
 */
export const workloadRunner = async (scratch: string) => {
  const script = join(scratch, 'workload.mjs');
  await build({
    entryPoints: ['bench/workload.ts'],
    outfile: script,
    bundle: true,
    platform: 'node',
    mainFields: ['module', 'main'],
    format: 'esm',
    target: 'node20',
    minify: true,
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
  return <T>(
    node: NodeRuntime,
    nodeOptions: string,
    request: Omit<WorkloadRequest, 'out'>
  ): T => {
    const out = join(mkdtempSync(join(scratch, 'run-')), 'result.json');
    execFileSync(node.path, [script, JSON.stringify({ ...request, out })], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_OPTIONS: nodeOptions },
    });
    return JSON.parse(readFileSync(out, 'utf8')) as T;
  };
};

export type WorkloadRunner = Awaited<ReturnType<typeof workloadRunner>>;
