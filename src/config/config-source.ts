import { ConfigError } from './config-error.js';

/** Where the configuration comes from, chosen by environment variables. */
export type ConfigSource =
  | { readonly kind: 'inline'; readonly text: string }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'parameter'; readonly name: string };

export const CONFIG_ENV = {
  inline: 'NOTIFIER_CONFIG',
  file: 'NOTIFIER_CONFIG_FILE',
  parameter: 'NOTIFIER_CONFIG_PARAMETER',
} as const;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Picks the configuration source from the environment: exactly one of
 * `NOTIFIER_CONFIG` (inline YAML or JSON), `NOTIFIER_CONFIG_FILE` (a path,
 * e.g. a file bundled with the function) or `NOTIFIER_CONFIG_PARAMETER` (an
 * SSM Parameter Store name, read once per cold start).
 */
export const configSourceFromEnv = (env: Env): ConfigSource => {
  const set = Object.entries(CONFIG_ENV).filter(
    ([, name]) => (env[name] ?? '').trim() !== ''
  );
  if (set.length !== 1) {
    const names = Object.values(CONFIG_ENV).join(', ');
    throw new ConfigError('environment', [
      set.length === 0
        ? `set one of ${names}`
        : `set only one of ${names}; found ${set.map(([, name]) => name).join(' and ')}`,
    ]);
  }
  const [[kind, name]] = set as [[keyof typeof CONFIG_ENV, string]];
  const value = env[name] ?? '';
  if (kind === 'inline') return { kind, text: value };
  return kind === 'file' ? { kind, path: value } : { kind, name: value };
};
