/**
 * How the deployed notifier function's Node starts, in the CDK construct and
 * (kept equal by the SAM parity test) the SAM template; the bench starts its
 * processes the same way.
 *
 * `NODE_OPTIONS=--enable-source-maps`: stack traces name the TypeScript
 * sources. On Node 24 (nodejs24.x) maps load when a trace is first
 * formatted: import and first event took 746 M instructions with it and
 * 746 M without (valgrind, 3 + 3 runs, ranges 736-755).
 */
export const FUNCTION_NODE_OPTIONS = '--enable-source-maps';

/**
 * V8 heap sizes for the function, which NODE_OPTIONS cannot set on Lambda:
 * the Node runtime's bootstrap puts `--max-semi-space-size` and
 * `--max-old-space-size` derived from the function's memory (at 256 MB: 12
 * and 231) on Node's command line, which Node reads after NODE_OPTIONS, and
 * a flag's last value wins. `functions/heap-wrapper.sh`, the function's
 * `AWS_LAMBDA_EXEC_WRAPPER`, runs the runtime's command with these in
 * place of its sizes. (Lambda developer guide, "Modifying the runtime
 * environment": every native runtime supports wrapper scripts, for settings
 * the language's environment variables cannot make; Lambda passes the
 * script the interpreter's path and all the runtime's arguments.)
 *
 * - `--max-semi-space-size=1`: V8's young generation stays small. Peak RSS
 *   over 10,000 findings one event at a time (the bench, Node 24): 146 MB
 *   with the runtime's sizes for 256 MB, 124 MB with a 4 MB semi-space,
 *   97 MB with 1 MB (on one CPU, as a function below one vCPU runs its GC
 *   threads; 104 - 113 MB on two idle ones: bench/one-cpu.ts). The price
 *   is more scavenges: a steady run (800
 *   events of warm-up, 1,600 measured, 3 routes) took 6,713 M instructions
 *   with 1 MB, 6,536 M with 2 MB (peak RSS 107 MB) and 6,299 M with the
 *   runtime's 12 MB (callgrind): about 7 % more CPU for a third less
 *   memory.
 * - `--max-old-space-size=96`: the largest invocation buffered mode can get
 *   is an SQS batch of 6 MB (Lambda's payload limit, whatever the batch
 *   size; direct mode's events are at most 256 KB). One of distinct
 *   findings on three routes (1,712 records) completed with an old
 *   generation of 40 MB and ran out of heap with 32 MB, so 96 MB leaves
 *   more than twice what it needs. It is below what the runtime gives any
 *   memory size the stacks allow (at 128 MB, 116 MB), so memory above that
 *   does not change it. The bench and test/integration/largest-batch-heap
 *   run that batch under these sizes.
 */
export const FUNCTION_HEAP_OPTIONS =
  '--max-semi-space-size=1 --max-old-space-size=96';

/** The wrapper script, shipped beside the bundle by `npm run build`. */
export const HEAP_WRAPPER_NAME = 'heap-wrapper.sh';

/** What the function's environment needs for the wrapper to set the heap. */
export const FUNCTION_HEAP_ENVIRONMENT = {
  AWS_LAMBDA_EXEC_WRAPPER: `/var/task/${HEAP_WRAPPER_NAME}`,
  NOTIFIER_HEAP_OPTIONS: FUNCTION_HEAP_OPTIONS,
} as const;

/** The function's memory unless the deployment says otherwise (CDK and SAM). */
export const FUNCTION_MEMORY_MB = 256;
