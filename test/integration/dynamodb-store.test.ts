import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  AnnouncedState,
  ClaimRequest,
  DedupStore,
} from '../../src/dedup/dedup-store.js';
import { createDynamoDbDedupStore } from '../../src/dedup/dynamodb-store.js';
import { createMemoryDedupStore } from '../../src/dedup/memory-store.js';
import { aState as state } from '../helpers/announced.js';
import { type LocalDynamo, startDynalite } from '../helpers/dynalite.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-01T12:00:00Z');
const KEY = 'security#arn:aws:inspector2:eu-west-1:123456789012:finding/abc';

const request = (
  at: number,
  current: AnnouncedState = state('HIGH'),
  key = KEY
): ClaimRequest => ({
  key,
  state: current,
  now: new Date(at),
  windowMs: 24 * HOUR,
  announceResolutions: true,
});

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(async () => {
  await dynamo?.stop();
});

const STORES: [string, () => Promise<DedupStore>][] = [
  [
    'DynamoDB (dynalite)',
    async () =>
      createDynamoDbDedupStore({
        client: dynamo.client,
        tableName: await dynamo.createTable(),
      }),
  ],
  ['memory', async () => createMemoryDedupStore()],
];

describe.each(STORES)('Dedup store: %s', (_name, makeStore) => {
  let store: DedupStore;
  beforeEach(async () => {
    store = await makeStore();
  });

  it('claims a new finding, then calls the confirmed state a duplicate', async () => {
    const claim = await store.claim(request(T0));
    expect(claim).toMatchObject({ kind: 'claimed', variant: 'new' });
    if (claim.kind !== 'claimed') return;
    expect(await store.confirm(KEY, claim.token, new Date(T0 + 1))).toBe(true);
    expect(await store.claim(request(T0 + HOUR))).toMatchObject({
      kind: 'duplicate',
    });
  });

  it('reports a live claim of another invocation as busy, not duplicate', async () => {
    await store.claim(request(T0));
    expect(await store.claim(request(T0 + 1_000))).toMatchObject({
      kind: 'busy',
    });
  });

  it('gives a released claim back, so the state can be claimed again', async () => {
    const first = await store.claim(request(T0));
    if (first.kind !== 'claimed') throw new Error('expected a claim');
    await store.release(KEY, first.token);
    expect(await store.claim(request(T0 + 1))).toMatchObject({
      kind: 'claimed',
      variant: 'new',
    });
  });

  it('lets a claim left by a crashed invocation be taken after the lease', async () => {
    const crashed = await store.claim(request(T0));
    if (crashed.kind !== 'claimed') throw new Error('expected a claim');
    expect(await store.claim(request(T0 + 44_000))).toMatchObject({
      kind: 'busy',
    });
    const retry = await store.claim(request(T0 + 46_000));
    expect(retry).toMatchObject({ kind: 'claimed', variant: 'new' });
    // The crashed invocation's token no longer confirms or releases anything.
    expect(await store.confirm(KEY, crashed.token, new Date(T0 + 47_000))).toBe(
      false
    );
    await store.release(KEY, crashed.token);
    expect(await store.claim(request(T0 + 47_000))).toMatchObject({
      kind: 'busy',
    });
  });

  it('keeps the announced state when a later claim is released', async () => {
    const first = await store.claim(request(T0));
    if (first.kind !== 'claimed') throw new Error('expected a claim');
    await store.confirm(KEY, first.token, new Date(T0));
    const escalation = await store.claim(request(T0 + 1, state('CRITICAL')));
    expect(escalation).toMatchObject({
      kind: 'claimed',
      variant: 'escalated',
      previous: { severity: 'HIGH' },
    });
    if (escalation.kind !== 'claimed') return;
    await store.release(KEY, escalation.token);
    expect(await store.claim(request(T0 + 2))).toMatchObject({
      kind: 'duplicate',
    });
    expect(await store.claim(request(T0 + 3, state('CRITICAL')))).toMatchObject(
      { kind: 'claimed', variant: 'escalated' }
    );
  });

  it('announces the same state again after the window as a reminder', async () => {
    const first = await store.claim(request(T0));
    if (first.kind !== 'claimed') throw new Error('expected a claim');
    await store.confirm(KEY, first.token, new Date(T0));
    expect(await store.claim(request(T0 + 24 * HOUR))).toMatchObject({
      kind: 'claimed',
      variant: 'reminder',
    });
  });

  it('lets exactly one of 50 concurrent claims win', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () => store.claim(request(T0)))
    );
    expect(results.filter((result) => result.kind === 'claimed')).toHaveLength(
      1
    );
    expect(
      results.filter((result) => result.kind === 'duplicate')
    ).toHaveLength(0);
  });
});

describe('DynamoDB dedup store: table items', () => {
  it('writes a ttl for cleanup and never relies on it being deleted', async () => {
    const tableName = await dynamo.createTable();
    const store = createDynamoDbDedupStore({
      client: dynamo.client,
      tableName,
    });
    const claim = await store.claim(request(T0));
    if (claim.kind !== 'claimed') throw new Error('expected a claim');
    await store.confirm(KEY, claim.token, new Date(T0));
    const { Item } = await dynamo.client.send(
      new GetItemCommand({ TableName: tableName, Key: { pk: { S: KEY } } })
    );
    const ttl = Number(Item?.ttl?.N);
    expect(ttl).toBe(Math.ceil((T0 + 90 * 24 * HOUR) / 1000));
    expect(Item).toMatchObject({
      aSev: { S: 'HIGH' },
      aLife: { S: 'OPEN' },
      aAt: { N: String(T0) },
    });
    expect(Item?.cTok).toBeUndefined();
    // Long past the ttl the item is still there (dynalite, like DynamoDB,
    // deletes lazily or never): the state is compared, not assumed gone.
    const later = T0 + 400 * 24 * HOUR;
    expect(await store.claim(request(later))).toMatchObject({
      kind: 'claimed',
      variant: 'reminder',
    });
  });

  it('treats a conditional write lost to a concurrent writer as a re-read', async () => {
    const tableName = await dynamo.createTable();
    const store = createDynamoDbDedupStore({
      client: dynamo.client,
      tableName,
    });
    const keys = ['a', 'b', 'c'].map((suffix) => `${KEY}-${suffix}`);
    const results = await Promise.all(
      keys.flatMap((key) =>
        Array.from({ length: 10 }, () =>
          store.claim(request(T0, state('HIGH'), key))
        )
      )
    );
    expect(results.filter((result) => result.kind === 'claimed')).toHaveLength(
      3
    );
    expect(new Set(results.map((result) => result.kind))).toEqual(
      new Set(['claimed', 'busy'])
    );
  });
});
