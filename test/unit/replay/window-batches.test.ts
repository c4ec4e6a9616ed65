import { describe, expect, it } from 'vitest';
import {
  MAX_BATCH_RECORDS,
  windowBatches,
} from '../../../src/replay/run-windows.js';

const at = (index: number, time?: string) => ({
  file: 'f.json',
  index,
  event: time === undefined ? { id: `e${index}` } : { id: `e${index}`, time },
});

const indices = (batches: ReturnType<typeof windowBatches>) =>
  batches.map((batch) => batch.map((input) => input.index));

describe('Replay: batches as the event source mapping makes them', () => {
  it('orders events by time and closes a batch one window after its first event', () => {
    const inputs = [
      at(0, '2026-12-01T12:00:30Z'),
      at(1, '2026-12-01T12:00:00Z'),
      at(2, '2026-12-01T12:00:19Z'),
      at(3, '2026-12-01T12:00:20Z'),
    ];

    expect(indices(windowBatches(inputs, 20_000))).toEqual([
      [1, 2],
      [3, 0],
    ]);
  });

  it('lets an event without a time (or with a bad one) arrive with the one before it', () => {
    const inputs = [
      at(0, '2026-12-01T12:00:00Z'),
      at(1),
      at(2, 'not a time'),
      at(3, '2026-12-01T13:00:00Z'),
    ];

    expect(indices(windowBatches(inputs, 20_000))).toEqual([[0, 1, 2], [3]]);
  });

  it('closes a batch at 10,000 records, as Lambda does', () => {
    const inputs = Array.from({ length: MAX_BATCH_RECORDS + 1 }, (_, n) =>
      at(n, '2026-12-01T12:00:00Z')
    );

    expect(windowBatches(inputs, 20_000).map((batch) => batch.length)).toEqual([
      MAX_BATCH_RECORDS,
      1,
    ]);
  });
});
