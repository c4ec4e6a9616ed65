import { spawnSync } from 'node:child_process';

/**
 * A command prefix that runs a process on one CPU (util-linux `taskset`),
 * or undefined where there is none (macOS).
 *
 * Lambda gives a 256 MB function about 0.15 of a vCPU, so V8's background
 * GC threads share that time with the function's main thread. On a
 * machine's idle cores they run beside it, which changes when memory is
 * given back: peak RSS over 10,000 findings was 97 – 98 MB on one CPU and
 * 104 – 113 MB on two, with the same heap sizes (Node 24).
 */
export const oneCpuPrefix = (): readonly string[] | undefined =>
  spawnSync('taskset', ['-c', '0', 'true']).status === 0
    ? ['taskset', '-c', '0']
    : undefined;
