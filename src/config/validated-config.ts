import type { Config } from './config-schema.js';

/**
 * Configuration text the build validated, with what validating it gave.
 * `loadConfig` returns `config` for exactly this text instead of validating
 * it again: validation is a function of the text, and the same code ran it.
 */
export type ValidatedConfig = {
  readonly text: string;
  readonly config: Config;
};

/** Written by the build next to each function's bundle. */
export const VALIDATED_CONFIG_NAME = 'notifier-config.validated.json';

/**
 * The build's validated config beside a bundle, or undefined when there is
 * none (then the config is validated at cold start, as before).
 */
export const readValidatedConfig = async (
  readFile: () => Promise<string>
): Promise<ValidatedConfig | undefined> => {
  let json: string;
  try {
    json = await readFile();
  } catch {
    return undefined;
  }
  return parseValidatedConfig(json);
};

/** How a `Date` (a suppression's `expires`) is written in the JSON. */
const DATE_KEY = '$date';

const isTaggedDate = (value: unknown): value is { [DATE_KEY]: string } =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).length === 1 &&
  typeof (value as Record<string, unknown>)[DATE_KEY] === 'string';

/** The validated config as JSON; `Date`s become `{ "$date": ISO-8601 }`. */
export const validatedConfigJson = (validated: ValidatedConfig): string =>
  JSON.stringify(validated, function tagDates(this: unknown, key, value) {
    // `value` went through Date#toJSON already: look at the original.
    const original = (this as Record<string, unknown>)[key];
    return original instanceof Date
      ? { [DATE_KEY]: original.toISOString() }
      : value;
  });

/**
 * Reads what `validatedConfigJson` wrote, without the schema: the config
 * equals the one validation returned (frozen, `Date`s restored).
 */
export const parseValidatedConfig = (json: string): ValidatedConfig => {
  const { text, config } = JSON.parse(json, (_key, value: unknown) =>
    isTaggedDate(value) ? new Date(value[DATE_KEY]) : value
  ) as ValidatedConfig;
  if (typeof text !== 'string' || typeof config !== 'object' || !config) {
    throw new Error('not a validated configuration (text and config)');
  }
  return { text, config: Object.freeze(config) };
};
