import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { configSourceFromEnv } from '../../../src/config/config-source.js';
import { configFromText } from '../../../src/config/config-text.js';
import { loadConfig } from '../../../src/config/load-config.js';

const YAML =
  'routes:\n  - name: r\n    topicArn: arn:aws:sns:us-east-1:123456789012:t\n';
const noFiles = { readFile: async () => Promise.reject(new Error('ENOENT')) };

describe('Function: configSourceFromEnv', () => {
  it.each([
    { env: { NOTIFIER_CONFIG: YAML }, source: { kind: 'inline', text: YAML } },
    {
      env: { NOTIFIER_CONFIG_FILE: 'cfg.json' },
      source: { kind: 'file', path: 'cfg.json' },
    },
    {
      env: { NOTIFIER_CONFIG_PARAMETER: '/findings/config' },
      source: { kind: 'parameter', name: '/findings/config' },
    },
  ])('picks $source.kind', ({ env, source }) => {
    // Act & Assess
    expect(configSourceFromEnv(env)).toEqual(source);
  });

  it('names every variable when none is set', () => {
    // Act & Assess
    expect(() => configSourceFromEnv({})).toThrow(
      /set one of NOTIFIER_CONFIG, NOTIFIER_CONFIG_FILE, NOTIFIER_CONFIG_PARAMETER/
    );
  });

  it('refuses two sources at once', () => {
    // Act & Assess
    expect(() =>
      configSourceFromEnv({ NOTIFIER_CONFIG: YAML, NOTIFIER_CONFIG_FILE: 'x' })
    ).toThrow(
      /set only one of .*; found NOTIFIER_CONFIG and NOTIFIER_CONFIG_FILE/
    );
  });
});

describe('Function: loadConfig', () => {
  it('reads a file through the injected reader', async () => {
    // Act
    const config = await loadConfig(
      { kind: 'file', path: 'cfg.yaml' },
      { readFile: async () => YAML }
    );

    // Assess
    expect(config.routes[0]?.name).toBe('r');
  });

  it('reads an SSM parameter through the injected reader', async () => {
    // Prepare
    const asked: string[] = [];

    // Act
    const config = await loadConfig(
      { kind: 'parameter', name: '/findings/config' },
      {
        ...noFiles,
        getParameter: async (name) => {
          asked.push(name);
          return YAML;
        },
      }
    );

    // Assess
    expect(asked).toEqual(['/findings/config']);
    expect(config.routes).toHaveLength(1);
  });

  it('reports an unreadable file as a ConfigError naming it', async () => {
    // Act & Assess
    await expect(
      loadConfig({ kind: 'file', path: 'missing.yaml' }, noFiles)
    ).rejects.toThrow(
      /Invalid configuration \(missing\.yaml\):\n {2}- cannot read it: ENOENT/
    );
  });

  it('returns what the build validated for the same text, without validating it again', async () => {
    // Prepare: a result validation could not give, to see which was used.
    const config = await configFromText(YAML, 'build');
    const validated = {
      text: YAML,
      config: { ...config, logLevel: 'DEBUG' as const },
    };

    // Act
    const loaded = await loadConfig(
      { kind: 'file', path: '/var/task/notifier-config.json' },
      { readFile: async () => YAML, validated }
    );

    // Assess
    expect(loaded).toBe(validated.config);
  });

  it('validates other text even when the build validated a config', async () => {
    // Prepare
    const validated = {
      text: YAML,
      config: await configFromText(YAML, 'build'),
    };

    // Act
    const loading = loadConfig(
      { kind: 'parameter', name: '/p' },
      { ...noFiles, getParameter: async () => 'routes: []', validated }
    );

    // Assess
    await expect(loading).rejects.toThrow(
      /SSM parameter \/p[\s\S]*define at least one route/
    );
  });

  it('reports an invalid parameter value with the parameter name', async () => {
    // Act
    const loading = loadConfig(
      { kind: 'parameter', name: '/p' },
      { ...noFiles, getParameter: async () => 'routes: []' }
    );

    // Assess
    await expect(loading).rejects.toBeInstanceOf(ConfigError);
    await expect(loading).rejects.toThrow(/SSM parameter \/p/);
  });
});

describe('Function: configFromText', () => {
  const JSON_CONFIG = JSON.stringify({
    routes: [{ name: 'r', topicArn: 'arn:aws:sns:us-east-1:123456789012:t' }],
  });

  it('reads JSON and YAML into the same config', async () => {
    // Act
    const fromJson = await configFromText(JSON_CONFIG, 'cfg.json');
    const fromYaml = await configFromText(YAML, 'cfg.yaml');

    // Assess
    expect(fromJson).toEqual(fromYaml);
    expect(fromJson.routes[0]).toMatchObject({ name: 'r', format: 'chatbot' });
  });

  it('reports JSON problems with their routes, lines and columns, as for YAML', async () => {
    // Prepare
    const text = JSON.stringify({
      routes: [{ name: 'r', topicArn: 'arn:aws:sns:us-east-1:1:t' }],
      logLevel: 'LOUD',
    });

    // Act
    const loading = configFromText(text, 'cfg.json');

    // Assess
    await expect(loading).rejects.toThrow(ConfigError);
    await expect(loading).rejects.toThrow(
      /route "r", topicArn \(line 1, column 35\)/
    );
    await expect(loading).rejects.toThrow(
      /logLevel \(line 1, column \d+\): expected one of DEBUG/
    );
  });

  it('reports text that is neither JSON nor YAML', async () => {
    // Act & Assess
    await expect(configFromText('routes: [', 'cfg.yaml')).rejects.toThrow(
      /not valid YAML or JSON/
    );
  });
});
