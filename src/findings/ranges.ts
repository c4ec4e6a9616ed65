/**
 * Numbers from a finding are shown as facts and compared in conditions only
 * inside their domain: a JSON `1e999` (Infinity), a negative probability or
 * a port past 65535 is dropped, never formatted as if it were true.
 */

/** `value` when it is a finite number in [min, max], else undefined. */
export const inRange = (
  value: number | undefined,
  min: number,
  max: number
): number | undefined =>
  value !== undefined && Number.isFinite(value) && value >= min && value <= max
    ? value
    : undefined;

/** A probability (EPSS): 0 to 1. */
export const probability = (value: number | undefined) => inRange(value, 0, 1);

/** A CVSS base score: 0 to 10. */
export const cvssScore = (value: number | undefined) => inRange(value, 0, 10);

/** A line number in a file: a positive integer. */
export const lineNumber = (value: number | undefined): number | undefined =>
  value !== undefined && Number.isSafeInteger(value) && value >= 1
    ? value
    : undefined;

/** A port range: integers 0-65535, begin not after end; else undefined. */
export const portRange = (
  begin: number,
  end: number
): { readonly begin: number; readonly end: number } | undefined =>
  [begin, end].every(
    (port) => Number.isInteger(port) && port >= 0 && port <= 65_535
  ) && begin <= end
    ? { begin, end }
    : undefined;
