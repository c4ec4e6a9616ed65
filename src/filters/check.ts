import type { Finding } from '../findings/finding.js';

/** `undefined` when the finding passes, else why it does not. */
export type Check = (finding: Finding) => string | undefined;

export const list = (values: readonly (string | number)[]): string =>
  values.length === 1 ? String(values[0]) : `[${values.join(', ')}]`;
