import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../../src/event-kinds/parse-event.js';
import { EVENTS_DIR, readJson } from '../../helpers/events.js';
import { mutate, pathsOf } from '../../helpers/mutation.js';

/** Every sample event in `events/` (files may hold one event or an array). */
const SAMPLES: unknown[] = ['inspector2', 'securityhub', 'ignored'].flatMap(
  (folder) =>
    readdirSync(join(EVENTS_DIR, folder))
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) => {
        const document = readJson(join(EVENTS_DIR, folder, name));
        return Array.isArray(document) ? document : [document];
      })
);

const KINDS = ['findings', 'ignored', 'rejected'];

const mutatedSample = fc
  .record({
    sample: fc.constantFrom(...SAMPLES),
    pick: fc.nat(),
    replacement: fc.option(
      fc.oneof(
        fc.jsonValue().map((value) => ({ value })),
        fc.constantFrom(
          { value: '' },
          { value: null },
          { value: [] },
          { value: {} },
          { value: 'NaN' },
          { value: -1 },
          { value: 1e308 }
        )
      ),
      { nil: undefined }
    ),
  })
  .map(({ sample, pick, replacement }) => {
    const paths = pathsOf(sample);
    const path = paths[pick % paths.length] ?? [];
    return mutate(sample, path, replacement);
  });

describe('Function: parseEvent (properties)', () => {
  it('never throws on arbitrary JSON and returns one of the three kinds', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const parsed = parseEvent(raw);
        expect(KINDS).toContain(parsed.kind);
      }),
      { numRuns: 500 }
    );
  });

  it('never throws on a sample event with one value replaced or removed', () => {
    fc.assert(
      fc.property(mutatedSample, (raw) => {
        const parsed = parseEvent(raw);
        expect(KINDS).toContain(parsed.kind);
        if (parsed.kind !== 'findings') {
          expect(parsed.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 }
    );
  });

  it('never throws on a sample event with two values replaced or removed', () => {
    fc.assert(
      fc.property(
        mutatedSample.chain((once) =>
          fc
            .record({ pick: fc.nat(), replacement: fc.option(fc.jsonValue()) })
            .map(({ pick, replacement }) => {
              const paths = pathsOf(once);
              return mutate(
                once,
                paths[pick % paths.length] ?? [],
                replacement === null ? undefined : { value: replacement }
              );
            })
        ),
        (raw) => {
          expect(KINDS).toContain(parseEvent(raw).kind);
        }
      ),
      { numRuns: 500 }
    );
  });
});
