import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../src/config/config-schema.js';
import { keysAt } from '../../../src/config/schema-keys.js';
import { REPO_ROOT } from '../../helpers/events.js';

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** The keys in the first column of the table under a README heading. */
const keysListed = (heading: string): string[] => {
  const start = README.indexOf(`\n### ${heading}\n`);
  expect(start, heading).toBeGreaterThan(0);
  const section = README.slice(start + 1).split(/\n#{2,3} /)[0] ?? '';
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1] ?? '');
};

/** A top-level key, or `key.sub` for each key of an object at that key. */
const topLevelKeys = () =>
  keysAt(ConfigSchema, []).flatMap((key) => {
    const inner = keysAt(ConfigSchema, [key]);
    return key === 'routes' || key === 'suppressions' || inner.length === 0
      ? [key]
      : inner.map((sub) => `${key}.${sub}`);
  });

describe("README: the configuration reference lists the schema's keys", () => {
  it.each([
    ['Top level', topLevelKeys()],
    ['Routes', keysAt(ConfigSchema, ['routes', 0])],
    ['Conditions', keysAt(ConfigSchema, ['routes', 0, 'match', 0])],
    ['Suppressions', keysAt(ConfigSchema, ['suppressions', 0])],
  ])('%s', (heading, schemaKeys) => {
    expect([...keysListed(heading)].sort()).toEqual([...schemaKeys].sort());
  });
});
