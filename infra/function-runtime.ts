/**
 * NODE_OPTIONS of the deployed function, in the CDK construct and (kept
 * equal by the SAM parity test) the SAM template; the bench runs with them.
 */
export const FUNCTION_NODE_OPTIONS = '--enable-source-maps';
