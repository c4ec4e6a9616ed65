import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../../src/event-kinds/parse-event.js';
import { severityRank } from '../../../src/events/severity.js';
import { EVENTS_DIR, readJson } from '../../helpers/events.js';
import { mutate, pathsOf } from '../../helpers/mutation.js';

type V2Event = Record<string, unknown> & {
  detail: { findings: unknown[] };
};

/** The V2 sample events of `events/securityhub-v2/`. */
const SAMPLES = readdirSync(join(EVENTS_DIR, 'securityhub-v2'))
  .filter((name) => name.endsWith('.json'))
  .map((name) => readJson(join(EVENTS_DIR, 'securityhub-v2', name)) as V2Event);

const FINDINGS = SAMPLES.flatMap((event) => event.detail.findings);

const replacement = fc.option(
  fc.oneof(
    fc.jsonValue().map((value) => ({ value })),
    fc.constantFrom(
      { value: '' },
      { value: null },
      { value: [] },
      { value: {} },
      { value: -1 },
      { value: 1e308 },
      { value: -1e308 },
      { value: 6 },
      { value: 99 },
      { value: '__proto__' },
      { value: [{ name: '__proto__', value: 'x' }] }
    )
  ),
  { nil: undefined }
);

/** An event of 1–4 sample findings, with up to three values changed. */
const fuzzedEvent = fc
  .record({
    envelope: fc.constantFrom(...SAMPLES),
    findings: fc.array(fc.constantFrom(...FINDINGS), {
      minLength: 1,
      maxLength: 4,
    }),
    changes: fc.array(fc.record({ pick: fc.nat(), replacement }), {
      minLength: 1,
      maxLength: 3,
    }),
  })
  .map(({ envelope, findings, changes }) =>
    changes.reduce<unknown>(
      (event, { pick, replacement: value }) => {
        const paths = pathsOf(event);
        return mutate(event, paths[pick % paths.length] ?? [], value);
      },
      { ...envelope, detail: { findings } }
    )
  );

/** A reason names a field path first: `detail.findings[0].severity_id: …`. */
const NAMES_A_PATH = /^(\(event\)|[\w$-]+(\[[^\]]+\]|\.[\w$-]+)*): /;

describe('Findings Imported V2 (properties)', () => {
  it('gives findings, or rejected with the field path, and never throws', () => {
    fc.assert(
      fc.property(fuzzedEvent, (raw) => {
        // Act
        const parsed = parseEvent(raw);

        // Assess
        if (parsed.kind === 'findings') {
          for (const finding of parsed.findings) {
            expect(finding.id.length).toBeGreaterThan(0);
            expect(Object.keys(severityRank)).toContain(finding.severity.label);
            expect(Number.isNaN(Date.parse(finding.updatedAt))).toBe(false);
          }
          for (const rejected of parsed.rejected ?? []) {
            expect(rejected.reason).toMatch(/^detail\.findings\[\d+\]/);
          }
        } else if (parsed.kind === 'rejected') {
          for (const part of parsed.reason.split('; ')) {
            if (!/^and \d+ more$/.test(part))
              expect(part).toMatch(NAMES_A_PATH);
          }
        } else {
          // Only a changed source or detail-type makes it another kind.
          expect(parsed.reason).toMatch(/not handled/);
        }
      }),
      { numRuns: 600 }
    );
  });

  it('lets the valid findings of an event through when one is malformed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FINDINGS), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.constantFrom<[string, unknown]>(
          ['severity_id', 'High'],
          ['finding_info', null],
          ['class_uid', '2002'],
          ['metadata', []],
          ['resources', {}]
        ),
        (valid, at, [key, wrong]) => {
          // Prepare
          const bad = { ...(FINDINGS[0] as object), [key]: wrong };
          const position = at % (valid.length + 1);
          const findings = [...valid];
          findings.splice(position, 0, bad);
          const event = { ...SAMPLES[0], detail: { findings } };

          // Act
          const parsed = parseEvent(event);

          // Assess
          expect(parsed.kind).toBe('findings');
          if (parsed.kind !== 'findings') return;
          expect(parsed.findings).toHaveLength(valid.length);
          expect(parsed.rejected).toEqual([
            expect.objectContaining({
              path: `detail.findings[${position}]`,
              reason: expect.stringMatching(
                new RegExp(`^detail\\.findings\\[${position}\\]\\.${key}`)
              ),
            }),
          ]);
        }
      ),
      { numRuns: 300 }
    );
  });
});
