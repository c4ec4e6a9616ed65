import { isDeepStrictEqual } from 'node:util';
import type * as z from 'zod';
import { type Check, INVALID } from '../../src/events/check-runtime.js';

/**
 * Whether a generated check gives zod's answer for `input`: `INVALID` where
 * zod rejects it, else the value zod returns, keys in the same order.
 */
export const agreesWithZod = (
  schema: z.ZodType,
  check: Check,
  input: unknown,
  options?: { readonly jitless?: boolean }
): boolean => {
  const expected = schema.safeParse(input, options);
  const actual = check(input);
  if (!expected.success) return actual === INVALID;
  return (
    actual !== INVALID &&
    isDeepStrictEqual(actual, expected.data) &&
    JSON.stringify(actual) === JSON.stringify(expected.data)
  );
};
