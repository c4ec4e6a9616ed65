import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import {
  AsffFindingSchema,
  SecurityHubImportedDetailSchema,
} from '../../../src/events/asff-schema.js';
import {
  checkerFor,
  compileCheck,
  INVALID,
} from '../../../src/events/compiled-check.js';
import { SecurityHubCustomActionDetailSchema } from '../../../src/events/custom-action-schema.js';
import { EnvelopeSchema } from '../../../src/events/envelope-schema.js';
import { Inspector2CoverageDetailSchema } from '../../../src/events/inspector2-coverage-schema.js';
import {
  Inspector2OnDemandScanDetailSchema,
  Inspector2ScanDetailSchema,
} from '../../../src/events/inspector2-scan-schema.js';
import { Inspector2FindingSchema } from '../../../src/events/inspector2-schema.js';
import {
  FindingsImportedV2DetailSchema,
  OcsfFindingSchema,
} from '../../../src/events/ocsf-schema.js';
import { PARSE_OPTIONS } from '../../../src/events/parse-options.js';
import {
  CORPUS_DIR,
  corpusExists,
  corpusFolders,
} from '../../helpers/corpus.js';
import { EVENTS_DIR, readJson } from '../../helpers/events.js';
import { mutate, type Path, pathsOf } from '../../helpers/mutation.js';

const SCHEMAS: Record<string, z.ZodType> = {
  EnvelopeSchema,
  Inspector2FindingSchema,
  SecurityHubImportedDetailSchema,
  AsffFindingSchema,
  FindingsImportedV2DetailSchema,
  OcsfFindingSchema,
  Inspector2CoverageDetailSchema,
  Inspector2ScanDetailSchema,
  Inspector2OnDemandScanDetailSchema,
  SecurityHubCustomActionDetailSchema,
};

const jsonFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? jsonFiles(join(dir, entry.name))
      : entry.name.endsWith('.json')
        ? [join(dir, entry.name)]
        : []
  );

const documents = (dir: string): unknown[] =>
  jsonFiles(dir).flatMap((file) => {
    const document = readJson(file);
    return Array.isArray(document) ? document : [document];
  });

/** Events, their details, and every item of a details' `findings`. */
const valuesOf = (event: unknown): unknown[] => {
  const detail = (event as { detail?: unknown } | null)?.detail;
  const findings = (detail as { findings?: unknown } | null)?.findings;
  return [event, detail, ...(Array.isArray(findings) ? findings : [])];
};

const SAMPLES: unknown[] = [
  ...documents(EVENTS_DIR),
  ...(corpusExists
    ? corpusFolders().flatMap((folder) => documents(join(CORPUS_DIR, folder)))
    : []),
].flatMap(valuesOf);

/** The compiled check gives zod's answer: success, and the same value, keys in the same order. */
const agrees = (schema: z.ZodType, input: unknown): boolean => {
  const expected = schema.safeParse(input, PARSE_OPTIONS);
  const actual = checkerFor(schema)(input);
  if (!expected.success) return actual === INVALID;
  return (
    actual !== INVALID &&
    isDeepStrictEqual(actual, expected.data) &&
    JSON.stringify(actual) === JSON.stringify(expected.data)
  );
};

const REPLACEMENTS = fc.option(
  fc.oneof(
    fc.jsonValue().map((value) => ({ value })),
    fc.constantFrom(
      { value: '' },
      { value: 'x' },
      { value: 0 },
      { value: -1 },
      { value: 1.5 },
      { value: 2 ** 60 },
      { value: Number.POSITIVE_INFINITY },
      { value: Number.NaN },
      { value: null },
      { value: undefined },
      { value: [] },
      { value: {} },
      { value: 'CRITICAL' },
      { value: JSON.parse('{"__proto__": {"a": 1}}') as unknown }
    )
  )
);

describe('Function: checkerFor', () => {
  it('compiles every event schema on the function path', () => {
    for (const schema of Object.values(SCHEMAS))
      expect(typeof compileCheck(schema)).toBe('function');
  });

  it.each(Object.entries(SCHEMAS))(
    'agrees with zod on every sample for %s',
    (_name, schema) => {
      for (const sample of SAMPLES) expect(agrees(schema, sample)).toBe(true);
    }
  );

  it('agrees with zod on samples it accepts with values replaced, removed or added', () => {
    // Prepare: each schema with the samples it accepts, so that mutations
    // explore both sides of its rules.
    const cases = Object.values(SCHEMAS).flatMap((schema) => {
      const accepted = SAMPLES.filter(
        (sample) => schema.safeParse(sample, PARSE_OPTIONS).success
      );
      return accepted.length > 0 ? [{ schema, accepted }] : [];
    });
    let valid = 0;

    // Act, Assess
    fc.assert(
      fc.property(
        fc
          .constantFrom(...cases)
          .chain(({ schema, accepted }) =>
            fc.tuple(fc.constant(schema), fc.constantFrom(...accepted))
          ),
        fc.nat(),
        REPLACEMENTS,
        fc.nat(),
        REPLACEMENTS,
        ([schema, sample], first, one, second, two) => {
          const paths = pathsOf(sample);
          const once = mutate(
            sample,
            paths[first % paths.length] as Path,
            one ?? undefined
          );
          const again = pathsOf(once);
          const input = mutate(
            once,
            again[second % again.length] as Path,
            two ?? undefined
          );
          if (schema.safeParse(input, PARSE_OPTIONS).success) valid++;
          return agrees(schema, input);
        }
      ),
      { numRuns: 4000, seed: 13 }
    );
    expect(cases.length).toBe(Object.keys(SCHEMAS).length);
    expect(valid).toBeGreaterThan(1000);
  });

  it('agrees with zod on objects with an own __proto__ key, which it never copies', () => {
    for (const [name, schema] of Object.entries(SCHEMAS)) {
      const accepted = SAMPLES.find(
        (sample) => schema.safeParse(sample, PARSE_OPTIONS).success
      );
      const input: unknown = JSON.parse(
        JSON.stringify(accepted).replace(/^\{/, '{"__proto__":{"x":1},')
      );
      expect(agrees(schema, input), name).toBe(true);
    }
  });

  it('refuses a schema with a type it cannot check, when compiled', () => {
    expect(() => compileCheck(z.string().email())).toThrow(/unsupported/);
    expect(() => compileCheck(z.date())).toThrow(/unsupported/);
  });

  it('sends every input to zod for a schema it cannot compile', () => {
    const check = checkerFor(z.looseObject({ at: z.date() }));
    expect(check({ at: new Date(0) })).toBe(INVALID);
  });
});
