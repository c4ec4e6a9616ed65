import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromText } from '../../../src/config/config-text.js';
import { parseConfigDocument } from '../../../src/config/parse-config.js';
import {
  parseValidatedConfig,
  readValidatedConfig,
  validatedConfigJson,
} from '../../../src/config/validated-config.js';
import { REPO_ROOT } from '../../helpers/events.js';

/** The JSON the build bundles for a config file, validated as the function would. */
const bundled = async (file: string) => {
  const path = join(REPO_ROOT, file);
  const text = `${JSON.stringify(parseConfigDocument(readFileSync(path, 'utf8'), path), null, 2)}\n`;
  return { text, config: await configFromText(text, file) };
};

describe('Function: parseValidatedConfig', () => {
  it.each([
    'config/example.yaml',
    'config/notices.yaml',
    'test/fixtures/config/team.yaml',
  ])('gives back the config validating %s gave', async (file) => {
    // Prepare
    const validated = await bundled(file);

    // Act
    const read = parseValidatedConfig(validatedConfigJson(validated));

    // Assess
    expect(read.text).toBe(validated.text);
    expect(read.config).toStrictEqual(validated.config);
    expect(Object.isFrozen(read.config)).toBe(true);
  });

  it('restores suppression expiries as dates', async () => {
    // Prepare
    const validated = await bundled('config/example.yaml');

    // Act
    const read = parseValidatedConfig(validatedConfigJson(validated));

    // Assess
    const expiries = read.config.suppressions.map((s) => s.expires);
    expect(expiries.length).toBeGreaterThan(0);
    for (const expires of expiries) expect(expires).toBeInstanceOf(Date);
    expect(expiries).toEqual(
      validated.config.suppressions.map((s) => s.expires)
    );
  });

  it('refuses JSON that is not a validated config', () => {
    // Act & Assess
    expect(() => parseValidatedConfig('{"routes":[]}')).toThrow(
      /not a validated configuration/
    );
  });
});

describe('Function: readValidatedConfig', () => {
  it('gives nothing when there is no file, so the config is validated', async () => {
    // Act & Assess
    await expect(
      readValidatedConfig(async () => Promise.reject(new Error('ENOENT')))
    ).resolves.toBeUndefined();
  });

  it('reads what the build wrote', async () => {
    // Prepare
    const validated = await bundled('config/example.yaml');

    // Act
    const read = await readValidatedConfig(async () =>
      validatedConfigJson(validated)
    );

    // Assess
    expect(read?.config).toStrictEqual(validated.config);
  });
});
