import type { z } from 'zod';
import { checkerFor, INVALID } from './compiled-check.js';
import { PARSE_OPTIONS } from './parse-options.js';

/**
 * `schema.safeParse(input)` as the function's path runs it: valid input
 * goes through the schema's compiled check (`compiled-check.ts`, the same
 * result several times cheaper), and only input it rejects through zod,
 * which says why with every issue and path.
 */
export const safeParse = <T extends z.ZodType>(
  schema: T,
  input: unknown
): z.ZodSafeParseResult<z.output<T>> => {
  const value = checkerFor(schema)(input);
  return value === INVALID
    ? schema.safeParse(input, PARSE_OPTIONS)
    : { success: true, data: value as z.output<T> };
};
