import type { EventSchemaName, EventSchemas } from './event-schemas.js';

let loaded: EventSchemas | undefined;

/**
 * Thrown when input failed its generated check before the event schemas
 * were loaded: load them (`loadEventSchemas`) and parse again. Parsing is a
 * pure function of the input, so the second parse gives the answer the
 * first would have.
 */
export class EventSchemasNotLoadedError extends Error {
  constructor(name: EventSchemaName) {
    super(
      `event schemas not loaded: input failed the "${name}" check, and only zod can say why (await loadEventSchemas() first)`
    );
    this.name = 'EventSchemasNotLoadedError';
  }
}

/**
 * Loads the event schemas (and zod) once. The function does it the first
 * time an event fails its check; tools that report on invalid input do it
 * before they parse.
 */
export const loadEventSchemas = async (): Promise<void> => {
  loaded ??= (await import('./event-schemas.js')).EVENT_SCHEMAS;
};

/** The named zod schema; throws `EventSchemasNotLoadedError` before `loadEventSchemas`. */
export const eventSchema = <K extends EventSchemaName>(
  name: K
): EventSchemas[K] => {
  if (!loaded) throw new EventSchemasNotLoadedError(name);
  return loaded[name];
};

/**
 * Runs `parse`, loading the event schemas and running it again when it
 * needed them to describe invalid input.
 */
export const withEventSchemas = async <T>(parse: () => T): Promise<T> => {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof EventSchemasNotLoadedError)) throw error;
    await loadEventSchemas();
    return parse();
  }
};
