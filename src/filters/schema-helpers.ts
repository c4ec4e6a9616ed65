import * as z from 'zod';

/** A non-empty list; a single value is taken as a list of one. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (value === undefined || Array.isArray(value) ? value : [value]),
    z.array(item).min(1, 'list at least one value')
  );

/** Globs: `*` any run of characters, `?` one character. No regular expressions. */
export const glob = z
  .string()
  .min(1, 'a pattern cannot be empty')
  .max(256, 'a pattern is at most 256 characters');

/**
 * A value checked by a function that returns the parsed value or an error
 * message: one precise message instead of a union's "Invalid input".
 */
export const checked = <T>(check: (value: unknown) => T | { error: string }) =>
  z.unknown().transform((value, context): T => {
    const result = check(value);
    if (typeof result === 'object' && result !== null && 'error' in result) {
      context.addIssue({ code: 'custom', message: result.error });
      return z.NEVER;
    }
    return result as T;
  });
