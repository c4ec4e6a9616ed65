import { checkConfigText } from './config-limits.js';
import type { Config } from './config-schema.js';

const asJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

/**
 * Validates configuration text. JSON (what the build bundles with the
 * function) is read without the YAML parser, which is loaded only for YAML.
 * The schema is loaded here too, not with this module: a function whose
 * config the build validated (`ConfigIo.validated`) never loads it.
 */
export const configFromText = async (
  text: string,
  source: string
): Promise<Config> => {
  checkConfigText(text, source);
  const { validateConfig } = await import('./validate-config.js');
  const json = asJson(text);
  if (json.ok) {
    try {
      return validateConfig(json.value, source);
    } catch {
      // Read it again with the YAML parser, which knows lines and columns.
    }
  }
  const { parseConfig } = await import('./parse-config.js');
  return parseConfig(text, source);
};
