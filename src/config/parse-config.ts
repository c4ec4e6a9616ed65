import { readConfigDocument } from './config-document.js';
import type { Config } from './config-schema.js';
import { validateConfig } from './validate-config.js';

/** Configuration text (YAML, of which JSON is a subset) as a document, not yet validated. */
export const parseConfigDocument = (text: string, source: string): unknown =>
  readConfigDocument(text, source).document;

/**
 * Parses configuration text (YAML, of which JSON is a subset) and validates
 * it, reporting every problem at once with the route it is in, its line and
 * column, and what was expected.
 *
 * @example
 * const config = parseConfig(readFileSync('config/example.yaml', 'utf8'), 'config/example.yaml');
 */
export const parseConfig = (text: string, source: string): Config => {
  const { document, locate } = readConfigDocument(text, source);
  return validateConfig(document, source, locate);
};
