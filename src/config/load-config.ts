import { ConfigError } from './config-error.js';
import type { Config } from './config-schema.js';
import type { ConfigSource } from './config-source.js';
import { configFromText } from './config-text.js';

/** The I/O config loading needs, injected so tests and replay control it. */
export type ConfigIo = {
  readonly readFile: (path: string) => Promise<string>;
  /** Reads an SSM parameter's value (decrypted); needed only for that source. */
  readonly getParameter?: (name: string) => Promise<string>;
};

const read = async (
  source: string,
  load: () => Promise<string>
): Promise<string> => {
  try {
    return await load();
  } catch (error) {
    throw new ConfigError(
      source,
      [`cannot read it: ${(error as Error).message}`],
      {
        cause: error,
      }
    );
  }
};

/** Reads and validates the configuration from its source, once per cold start. */
export const loadConfig = async (
  source: ConfigSource,
  io: ConfigIo
): Promise<Config> => {
  switch (source.kind) {
    case 'inline':
      return configFromText(source.text, 'NOTIFIER_CONFIG');
    case 'file':
      return configFromText(
        await read(source.path, () => io.readFile(source.path)),
        source.path
      );
    case 'parameter': {
      const where = `SSM parameter ${source.name}`;
      const { getParameter } = io;
      if (!getParameter)
        throw new ConfigError(where, ['no SSM client is available']);
      return configFromText(
        await read(where, () => getParameter(source.name)),
        where
      );
    }
  }
};
