/** A string field of a bare finding, or a fallback. */
export const text = (value: unknown, fallback: string): string =>
  typeof value === 'string' ? value : fallback;

/** The Region part of an ARN, or empty. */
export const regionOfArn = (arn: unknown): string =>
  typeof arn === 'string' ? (arn.split(':')[3] ?? '') : '';
