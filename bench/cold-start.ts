import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** Wall time of fresh `node` processes that import `module`, in ms. */
const importTimes = (
  module: string,
  runs: number,
  env: NodeJS.ProcessEnv
): number[] =>
  Array.from({ length: runs }, () => {
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `await import(${JSON.stringify(module)});`],
      { env, stdio: ['ignore', 'ignore', 'pipe'] }
    );
    const elapsed = performance.now() - started;
    if (result.status !== 0) {
      throw new Error(
        `importing ${module} failed: ${result.stderr.toString().slice(0, 2000)}`
      );
    }
    return elapsed;
  });

export type ColdStart = {
  readonly runs: number;
  readonly bundleMs: number;
  readonly emptyMs: number;
  readonly overheadMs: number;
};

/**
 * Benchmark 2: median wall time of `runs` fresh processes importing the
 * built bundle (which loads its config and builds its AWS clients at module
 * scope) against the same for an empty module; the difference is the
 * bundle's cold-start overhead. Runs alternate so drift hits both equally.
 */
export const measureColdStart = (
  bundle: string,
  empty: string,
  runs: number,
  env: NodeJS.ProcessEnv
): ColdStart => {
  const bundleTimes: number[] = [];
  const emptyTimes: number[] = [];
  importTimes(bundle, 2, env);
  for (let run = 0; run < runs; run++) {
    emptyTimes.push(...importTimes(empty, 1, env));
    bundleTimes.push(...importTimes(bundle, 1, env));
  }
  const bundleMs = median(bundleTimes);
  const emptyMs = median(emptyTimes);
  return { runs, bundleMs, emptyMs, overheadMs: bundleMs - emptyMs };
};
