import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { EVENT_CHECKS } from '../../../src/events/event-checks.generated.js';
import {
  EVENT_CHECKS_PATH,
  eventChecksSource,
} from '../../../src/events/event-checks-source.js';
import {
  EVENT_SCHEMAS,
  type EventSchemaName,
} from '../../../src/events/event-schemas.js';
import { PARSE_OPTIONS } from '../../../src/events/parse-options.js';
import { agreesWithZod } from '../../helpers/agrees-with-zod.js';
import {
  CORPUS_DIR,
  corpusExists,
  corpusFolders,
} from '../../helpers/corpus.js';
import { EVENTS_DIR, readJson } from '../../helpers/events.js';
import { mutate, type Path, pathsOf } from '../../helpers/mutation.js';

const SCHEMAS = Object.entries(EVENT_SCHEMAS) as [EventSchemaName, z.ZodType][];

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

const agrees = (name: EventSchemaName, input: unknown): boolean =>
  agreesWithZod(EVENT_SCHEMAS[name], EVENT_CHECKS[name], input, PARSE_OPTIONS);

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

describe('Module: event-checks.generated', () => {
  it('is what the generator gives for the event schemas (npm run generate:checks)', () => {
    expect(readFileSync(EVENT_CHECKS_PATH, 'utf8')).toBe(eventChecksSource());
  });

  it('has a check for every event schema, and no other', () => {
    expect(Object.keys(EVENT_CHECKS)).toEqual(Object.keys(EVENT_SCHEMAS));
  });

  it.each(SCHEMAS)('agrees with zod on every sample for %s', (name) => {
    for (const sample of SAMPLES) expect(agrees(name, sample)).toBe(true);
  });

  it('agrees with zod on samples it accepts with values replaced, removed or added', () => {
    // Prepare: each schema with the samples it accepts, so that mutations
    // explore both sides of its rules.
    const cases = SCHEMAS.flatMap(([name, schema]) => {
      const accepted = SAMPLES.filter(
        (sample) => schema.safeParse(sample, PARSE_OPTIONS).success
      );
      return accepted.length > 0 ? [{ name, schema, accepted }] : [];
    });
    let valid = 0;

    // Act, Assess
    fc.assert(
      fc.property(
        fc
          .constantFrom(...cases)
          .chain(({ name, schema, accepted }) =>
            fc.tuple(
              fc.constant({ name, schema }),
              fc.constantFrom(...accepted)
            )
          ),
        fc.nat(),
        REPLACEMENTS,
        fc.nat(),
        REPLACEMENTS,
        ([{ name, schema }, sample], first, one, second, two) => {
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
          return agrees(name, input);
        }
      ),
      { numRuns: 4000, seed: 13 }
    );
    expect(cases.length).toBe(SCHEMAS.length);
    expect(valid).toBeGreaterThan(1000);
  });

  it('agrees with zod on objects with an own __proto__ key, which it never copies', () => {
    for (const [name, schema] of SCHEMAS) {
      const accepted = SAMPLES.find(
        (sample) => schema.safeParse(sample, PARSE_OPTIONS).success
      );
      const input: unknown = JSON.parse(
        JSON.stringify(accepted).replace(/^\{/, '{"__proto__":{"x":1},')
      );
      expect(agrees(name, input), name).toBe(true);
    }
  });
});
