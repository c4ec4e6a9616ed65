import { parse as parseYaml } from 'yaml';
import { formatPath } from '../validation/issue-path.js';
import { ConfigError } from './config-error.js';
import { type Config, ConfigSchema } from './config-schema.js';

/**
 * Parses configuration text (YAML, of which JSON is a subset) and validates
 * it, reporting every problem at once with its path.
 *
 * @example
 * const config = parseConfig(readFileSync('config/example.yaml', 'utf8'), 'config/example.yaml');
 */
export const parseConfig = (text: string, source: string): Config => {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new ConfigError(
      source,
      [`not valid YAML or JSON: ${(error as Error).message}`],
      {
        cause: error,
      }
    );
  }
  const parsed = ConfigSchema.safeParse(document);
  if (!parsed.success) {
    throw new ConfigError(
      source,
      parsed.error.issues.map(
        (issue) => `${formatPath('', issue.path) || '(root)'}: ${issue.message}`
      )
    );
  }
  return Object.freeze(parsed.data);
};
