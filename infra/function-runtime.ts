/**
 * NODE_OPTIONS of the deployed function, in the CDK construct and (kept
 * equal by the SAM parity test) the SAM template; the bench runs with them.
 *
 * - `--enable-source-maps`: stack traces name the TypeScript sources. On
 *   Node 24 (nodejs24.x) maps load when a trace is first formatted: import
 *   and first event took 746 M instructions with these options and 746 M
 *   with none (valgrind, 3 + 3 runs, ranges 736-755; CPU time, 9 + 9 fresh
 *   processes, 422 against 407 ms, within the noise). Node 20 pays ~60 ms
 *   at import.
 * - `--max-semi-space-size=4`: V8's young generation stays small, so
 *   short-lived objects die there instead of being promoted: peak RSS over
 *   10,000 findings went from ~265 MB to ~130 MB, CPU per finding within
 *   the noise.
 */
export const FUNCTION_NODE_OPTIONS =
  '--enable-source-maps --max-semi-space-size=4';
