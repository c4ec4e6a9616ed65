import { parse as parseYaml } from 'yaml';
import { ConfigError } from './config-error.js';
import { checkConfigText } from './config-limits.js';
import type { Config } from './config-schema.js';
import { validateConfig } from './validate-config.js';

/** Configuration text (YAML, of which JSON is a subset) as a document, not yet validated. */
export const parseConfigDocument = (text: string, source: string): unknown => {
  checkConfigText(text, source);
  try {
    return parseYaml(text);
  } catch (error) {
    throw new ConfigError(
      source,
      [`not valid YAML or JSON: ${(error as Error).message}`],
      { cause: error }
    );
  }
};

/**
 * Parses configuration text (YAML, of which JSON is a subset) and validates
 * it, reporting every problem at once with its path and what was expected.
 *
 * @example
 * const config = parseConfig(readFileSync('config/example.yaml', 'utf8'), 'config/example.yaml');
 */
export const parseConfig = (text: string, source: string): Config =>
  validateConfig(parseConfigDocument(text, source), source);
