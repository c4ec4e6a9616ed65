import type { z } from 'zod';
import { INVALID } from './check-runtime.js';
import { EVENT_CHECKS } from './event-checks.generated.js';
import { eventSchema } from './event-schema-loader.js';
import type { EventOutput, EventSchemaName } from './event-schemas.js';
import { PARSE_OPTIONS } from './parse-options.js';

/**
 * The named event schema's `safeParse(input)` as the function's path runs
 * it: valid input goes through the schema's generated check
 * (`event-checks.generated.ts`, the same result several times cheaper, and
 * no zod at cold start), and only input it rejects through zod, which says
 * why with every issue and path. Before `loadEventSchemas`, rejected input
 * throws `EventSchemasNotLoadedError` (`withEventSchemas` handles it).
 */
export const safeParse = <K extends EventSchemaName>(
  name: K,
  input: unknown
): z.ZodSafeParseResult<EventOutput<K>> => {
  const value = EVENT_CHECKS[name](input);
  if (value !== INVALID)
    return { success: true, data: value as EventOutput<K> };
  const schema: z.ZodType = eventSchema(name);
  return schema.safeParse(input, PARSE_OPTIONS) as z.ZodSafeParseResult<
    EventOutput<K>
  >;
};
