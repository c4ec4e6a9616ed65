import {
  FUNCTION_HEAP_OPTIONS,
  FUNCTION_MEMORY_MB,
} from '../infra/function-runtime.js';

/**
 * The flags Lambda's Node runtime bootstrap puts on Node's command line
 * (the bootstrap of the AWS Lambda base images): a tenth of the function's
 * memory for the young generation, half of it per semi-space, the rest for
 * the old generation. They come after NODE_OPTIONS, so they override heap
 * sizes set there.
 */
export const runtimeNodeFlags = (memoryMb: number): string[] => {
  const newSpace = Math.floor(memoryMb / 10);
  return [
    '--expose-gc',
    '--max-http-header-size',
    '81920',
    `--max-semi-space-size=${Math.floor(newSpace / 2)}`,
    `--max-old-space-size=${memoryMb - newSpace}`,
  ];
};

const isHeapSize = (flag: string) => /^--max-(semi|old)-space-size=/.test(flag);

/**
 * Node's flags in the deployed function, before its script, as
 * `functions/heap-wrapper.sh` makes them: the deployed heap sizes, then the
 * runtime's flags without its own. The bench starts every measured process
 * with these (and NODE_OPTIONS as deployed).
 */
export const deployedNodeFlags = (memoryMb = FUNCTION_MEMORY_MB): string[] => [
  ...FUNCTION_HEAP_OPTIONS.split(' '),
  ...runtimeNodeFlags(memoryMb).filter((flag) => !isHeapSize(flag)),
];
