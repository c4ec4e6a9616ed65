import { describe, expect, it, vi } from 'vitest';

// Each test imports the modules afresh: test/setup.ts loaded the schemas
// in the shared module graph.
const fresh = async () => {
  vi.resetModules();
  const loader = await import('../../../src/events/event-schema-loader.js');
  const { parseEvent } = await import(
    '../../../src/event-kinds/parse-event.js'
  );
  return { ...loader, parseEvent };
};

const INVALID_EVENT = {
  version: '0',
  id: 'e-1',
  'detail-type': 'Inspector2 Finding',
  source: 'aws.inspector2',
  account: '123456789012',
  region: 'us-east-1',
  detail: { findingArn: 42 },
};

describe('Module: event-schema-loader', () => {
  it('parses valid events without the schemas, and refuses to guess why an invalid one failed', async () => {
    const { parseEvent, EventSchemasNotLoadedError } = await fresh();
    expect(
      parseEvent({ ...INVALID_EVENT, 'detail-type': 'Other', detail: {} })
    ).toMatchObject({ kind: 'ignored' });
    expect(() => parseEvent(INVALID_EVENT)).toThrow(EventSchemasNotLoadedError);
    expect(() => parseEvent(INVALID_EVENT)).toThrow(
      /"inspector2Finding" check/
    );
  });

  it('loads the schemas and parses again when the first parse needed them', async () => {
    const { parseEvent, withEventSchemas } = await fresh();
    let parses = 0;
    const parsed = await withEventSchemas(() => {
      parses++;
      return parseEvent(INVALID_EVENT);
    });
    expect(parses).toBe(2);
    expect(parsed).toMatchObject({
      kind: 'rejected',
      reason: expect.stringMatching(/^detail\.findingArn: /),
    });
    // Loaded now: the next invalid event parses once.
    expect(parseEvent(INVALID_EVENT)).toMatchObject({ kind: 'rejected' });
  });

  it('passes on any other error', async () => {
    const { withEventSchemas } = await fresh();
    await expect(
      withEventSchemas(() => {
        throw new TypeError('boom');
      })
    ).rejects.toThrow('boom');
  });
});
