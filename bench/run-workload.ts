import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { validateConfig } from '../src/config/validate-config.js';
import { validatedConfigJson } from '../src/config/validated-config.js';
import { BENCH_CONFIGS, type BenchConfigName } from './bench-configs.js';
import type { NodeRuntime } from './node-runtimes.js';
import type { WorkloadRequest } from './workload.js';

/**
 * Bundles bench/workload.ts as the function is bundled (ESM, minified) and
 * returns a runner: one fresh process per call, under the given Node, Node
 * flags and NODE_OPTIONS, its stdout (the function's logs and metrics) to
 * /dev/null.
 * The bench config is validated here, as the build validates the deployed
 * one, and the process reads the result as the function does.
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
  const validated = (name: BenchConfigName): string => {
    const file = join(scratch, `validated-${name}.json`);
    if (!existsSync(file)) {
      const document = BENCH_CONFIGS[name];
      const config = validateConfig(structuredClone(document), `bench ${name}`);
      const text = JSON.stringify(document);
      writeFileSync(file, validatedConfigJson({ text, config }));
    }
    return file;
  };
  return <T>(
    node: NodeRuntime,
    launch: {
      readonly nodeOptions: string;
      readonly nodeFlags: readonly string[];
      /** A command the process runs under, e.g. `oneCpuPrefix()`. */
      readonly prefix?: readonly string[];
    },
    request: Omit<WorkloadRequest, 'out' | 'validatedConfig'>
  ): T => {
    const out = join(mkdtempSync(join(scratch, 'run-')), 'result.json');
    const validatedConfig = validated(request.config);
    const args = JSON.stringify({ ...request, validatedConfig, out });
    const [command = node.path, ...prefixArgs] = [
      ...(launch.prefix ?? []),
      node.path,
    ];
    execFileSync(command, [...prefixArgs, ...launch.nodeFlags, script, args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_OPTIONS: launch.nodeOptions },
    });
    return JSON.parse(readFileSync(out, 'utf8')) as T;
  };
};

export type WorkloadRunner = Awaited<ReturnType<typeof workloadRunner>>;
