/**
 * NODE_OPTIONS of the deployed function, in the CDK construct and (kept
 * equal by the SAM parity test) the SAM template; the bench runs with them.
 *
 * - `--enable-source-maps`: stack traces name the TypeScript sources. On
 *   Node 24 (nodejs24.x) maps load when a trace is first formatted: import
 *   and first event took 422 (400-440) ms of CPU with it against 407
 *   (368-422) ms without, 9 + 9 fresh processes, within the noise (Node 20
 *   pays ~60 ms at import).
 * - `--max-semi-space-size=4`: V8's young generation stays small, so
 *   short-lived objects die there instead of being promoted: peak RSS over
 *   10,000 findings went from ~265 MB to ~130 MB, CPU per finding within
 *   the noise.
 */
export const FUNCTION_NODE_OPTIONS =
  '--enable-source-maps --max-semi-space-size=4';
