import { ConfigError } from './config-error.js';
import type { Config } from './config-schema.js';
import type { ConfigSource } from './config-source.js';
import { configFromText } from './config-text.js';
import type { ValidatedConfig } from './validated-config.js';

/** The I/O config loading needs, injected so tests and replay control it. */
export type ConfigIo = {
  readonly readFile: (path: string) => Promise<string>;
  /** Reads an SSM parameter's value (decrypted); needed only for that source. */
  readonly getParameter?: (name: string) => Promise<string>;
  /**
   * What the build validated: text equal to its `text` is not validated
   * again (the function's cold start then loads no schema). Any other text,
   * e.g. an SSM parameter's, is validated and its problems reported.
   */
  readonly validated?: ValidatedConfig;
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
  const fromText = async (text: string, where: string) =>
    io.validated?.text === text
      ? io.validated.config
      : configFromText(text, where);
  switch (source.kind) {
    case 'inline':
      return fromText(source.text, 'NOTIFIER_CONFIG');
    case 'file':
      return fromText(
        await read(source.path, () => io.readFile(source.path)),
        source.path
      );
    case 'parameter': {
      const where = `SSM parameter ${source.name}`;
      const { getParameter } = io;
      if (!getParameter)
        throw new ConfigError(where, ['no SSM client is available']);
      return fromText(
        await read(where, () => getParameter(source.name)),
        where
      );
    }
  }
};
