import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BurstRequest } from '../../src/dedup/burst-ledger.js';
import { createDynamoDbBurstLedger } from '../../src/dedup/dynamodb-burst-ledger.js';
import { burstRequest } from '../helpers/burst-request.js';
import { type LocalDynamo, startDynalite } from '../helpers/dynalite.js';

/** aloneMax 2: a burst here may send two findings alone. */
const request = (at: number, overrides: Partial<BurstRequest> = {}) =>
  burstRequest(at, { aloneMax: 2, ...overrides });

describe('Burst ledger on DynamoDB (dynalite)', () => {
  let dynamo: LocalDynamo;

  beforeAll(async () => {
    dynamo = await startDynalite();
  });
  afterAll(async () => {
    await dynamo?.stop();
  });

  it('makes concurrent batches agree on one burst and grant aloneMax at most', async () => {
    const tableName = await dynamo.createTable();
    const batches = Array.from({ length: 8 }, () =>
      createDynamoDbBurstLedger({
        client: dynamo.client,
        tableName,
        maxConflicts: 20,
      })
    );

    const bursts = await Promise.all(
      batches.map((ledger, n) => ledger.enter(request(1_000 + n)))
    );

    expect(new Set(bursts.map((burst) => burst?.flushAt)).size).toBe(1);
    expect(
      bursts.reduce((sum, burst) => sum + (burst?.aloneGranted ?? 0), 0)
    ).toBe(2);
  });

  it('is quiet outside a burst, holds inside it, and opens a new one after it closed', async () => {
    const ledger = createDynamoDbBurstLedger({
      client: dynamo.client,
      tableName: await dynamo.createTable(),
    });

    expect(await ledger.enter(request(0, { open: false }))).toBeUndefined();
    expect(await ledger.enter(request(0))).toEqual({
      flushAt: 300_000,
      aloneGranted: 1,
    });
    expect(await ledger.enter(request(100_000, { open: false }))).toEqual({
      flushAt: 300_000,
      aloneGranted: 1,
    });
    expect(await ledger.enter(request(200_000, { open: false }))).toEqual({
      flushAt: 300_000,
      aloneGranted: 0,
    });
    expect(
      await ledger.enter(request(300_000, { open: false }))
    ).toBeUndefined();
    expect(await ledger.enter(request(300_000))).toEqual({
      flushAt: 600_000,
      aloneGranted: 1,
    });
  });
});
