import { ConfigError } from './config-error.js';
import type { Config } from './config-schema.js';
import type { ConfigSource } from './config-source.js';
import { parseConfig } from './parse-config.js';

/** The I/O config loading needs, injected so tests and replay control it. */
export type ConfigIo = {
  readonly readFile: (path: string) => Promise<string>;
};

/** Reads and validates the configuration from its source, once per cold start. */
export const loadConfig = async (
  source: ConfigSource,
  io: ConfigIo
): Promise<Config> => {
  if (source.kind === 'inline')
    return parseConfig(source.text, 'NOTIFIER_CONFIG');
  let text: string;
  try {
    text = await io.readFile(source.path);
  } catch (error) {
    throw new ConfigError(
      source.path,
      [`cannot read the file: ${(error as Error).message}`],
      {
        cause: error,
      }
    );
  }
  return parseConfig(text, source.path);
};
