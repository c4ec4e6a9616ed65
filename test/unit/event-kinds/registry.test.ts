import { describe, expect, it } from 'vitest';
import { EVENT_KINDS } from '../../../src/event-kinds/registry.js';
import { CHANNELS } from '../../../src/events/channels.js';

describe('Event kinds: the registry', () => {
  it('names each rule and each source / detail-type pair once', () => {
    const ids = EVENT_KINDS.map((kind) => kind.id);
    const pairs = EVENT_KINDS.map(
      (kind) => `${kind.source}|${kind.detailType}`
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('feeds every channel a config can name, and no other', () => {
    const used = new Set(EVENT_KINDS.map((kind) => kind.channel));
    expect([...used].sort()).toEqual([...CHANNELS].sort());
  });

  it('names sample folders for every kind', () => {
    for (const kind of EVENT_KINDS) {
      expect(kind.samples.events.length, kind.id).toBeGreaterThan(0);
    }
  });
});
