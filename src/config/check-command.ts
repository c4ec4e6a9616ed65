import { readFile } from 'node:fs/promises';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

const USAGE =
  'Usage: npm run config:check -- FILE\n\nValidates a findings-notifier configuration file (YAML or JSON).\nExit status: 0 valid, 2 invalid or usage error.';

export type CheckIo = {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly now: () => Date;
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
    const config = await loadConfig(
      { kind: 'file', path },
      { readFile: (file) => readFile(file, 'utf8') }
    );
    const now = io.now().getTime();
    const expired = config.suppressions.filter(
      (suppression) =>
        suppression.expires !== undefined &&
        suppression.expires.getTime() <= now
    );
    io.stdout(
      `${path}: valid — ${config.routes.length} route(s) (${config.routes.map((route) => route.name).join(', ')}), ${config.suppressions.length} suppression(s), dedup window ${config.dedup.windowHours} h`
    );
    for (const suppression of expired) {
      io.stdout(
        `warning: suppression "${suppression.name}" expired ${suppression.expires?.toISOString()} and no longer applies`
      );
    }
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(error.message);
    return 2;
  }
};
