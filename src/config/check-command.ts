import { readFile } from 'node:fs/promises';
import { readConfigDocument } from './config-document.js';
import { ConfigError } from './config-error.js';
import type { Config } from './config-schema.js';
import { configWarnings } from './config-warnings.js';
import { validateConfig } from './validate-config.js';

const USAGE =
  'Usage: npm run config:check -- FILE\n\nValidates a findings-notifier configuration file (YAML or JSON).\nWarnings (valid but suspicious) go to stderr.\nExit status: 0 valid, 2 invalid or usage error.';

export type CheckIo = {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly now: () => Date;
  /** More warnings about a valid config (routes no sample event reaches). */
  readonly moreWarnings?: (config: Config) => Promise<readonly string[]>;
};

/** Validates one configuration file; returns the exit status. */
export const checkConfigCommand = async (
  argv: readonly string[],
  io: CheckIo
): Promise<number> => {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout(USAGE);
    return 0;
  }
  const [path, ...rest] = argv;
  if (!path || rest.length > 0 || path.startsWith('-')) {
    io.stderr(USAGE);
    return 2;
  }
  try {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new ConfigError(path, [
        `cannot read it: ${(error as Error).message}`,
      ]);
    }
    const { document, locate } = readConfigDocument(text, path);
    const config = validateConfig(document, path, locate);
    io.stdout(
      `${path}: valid — ${config.routes.length} route(s) (${config.routes.map((route) => route.name).join(', ')}), ${config.suppressions.length} suppression(s), dedup window ${config.dedup.windowHours} h`
    );
    const warnings = [
      ...configWarnings(config, document, locate, io.now()),
      ...((await io.moreWarnings?.(config)) ?? []),
    ];
    for (const warning of warnings) io.stderr(`warning: ${warning}`);
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(error.message);
    return 2;
  }
};
