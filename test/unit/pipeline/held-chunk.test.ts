import { describe, expect, it } from 'vitest';
import { digestFindingOf } from '../../../src/findings/digest-finding.js';
import {
  CHUNK_BYTES,
  HELD_SOURCE,
  type HeldItem,
  heldChunks,
} from '../../../src/pipeline/held-chunk.js';
import { parseHeldChunk } from '../../../src/pipeline/held-chunk-schema.js';
import { aFinding } from '../../helpers/a-finding.js';

const itemOf = (n: number): HeldItem => ({
  key: `team#finding-${n}`,
  variant: 'new',
  finding: digestFindingOf({ ...aFinding(), id: `finding-${n}` }),
});

describe('Held chunks: what a burst keeps on the queue', () => {
  it('round-trips every item, in order, in chunks under the SQS size limit', () => {
    const items = Array.from({ length: 1_500 }, (_, n) => itemOf(n));

    const chunks = heldChunks(
      'team',
      Date.parse('2026-12-01T12:05:00Z'),
      items
    );
    const parsed = chunks.map(({ body }) => parseHeldChunk(JSON.parse(body)));

    expect(chunks.length).toBeGreaterThan(1);
    for (const { body } of chunks)
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(chunks.map((chunk) => chunk.items)).toEqual(
      parsed.map((result) =>
        'chunk' in result ? result.chunk.items.length : 0
      )
    );
    expect(
      parsed.flatMap((result) => ('chunk' in result ? result.chunk.items : []))
    ).toEqual(items);
    const first = parsed[0];
    expect(first && 'chunk' in first ? first.chunk.burst : '').toBe(
      'team@2026-12-01T12:05:00.000Z'
    );
  });

  it('names the path of what is wrong in a malformed chunk', () => {
    const [chunk] = heldChunks('team', 0, [itemOf(1)]);
    const body = JSON.parse(chunk?.body ?? '{}');
    body.items[0].finding.severity.label = 'SEVERE';

    expect(parseHeldChunk(body)).toEqual({
      error: expect.stringMatching(
        /^held digest chunk: items\.0\.finding\.severity\.label: /
      ),
    });
    expect(parseHeldChunk({ source: HELD_SOURCE })).toEqual({
      error: expect.stringMatching(/^held digest chunk: route: /),
    });
  });
});
