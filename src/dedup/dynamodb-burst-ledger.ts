import {
  type AttributeValue,
  type DynamoDBClient,
  GetItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  type BurstLedger,
  type BurstRecord,
  planBurst,
} from './burst-ledger.js';
import { isConditionFailure } from './dynamodb-store.js';

export type DynamoDbBurstLedgerOptions = {
  readonly client: DynamoDBClient;
  /** The dedup table: string partition key `pk`, TTL on `ttl`. */
  readonly tableName: string;
  /** Conditional-write conflicts re-read this many times before failing. @default 5 */
  readonly maxConflicts?: number;
};

const DAY_S = 86_400;

/** One item per route in the dedup table; no finding id starts with `#`. */
export const burstKey = (route: string) => `#burst#${route}`;

const n = (value: number): AttributeValue => ({ N: String(value) });

/*
 * `pk = #burst#<route>`: flushAt (ms), alone (count), ver, ttl (a day after
 * the burst closes). enter: GetItem (consistent) → planBurst → UpdateItem IF
 * ver = :seen (or no item); a conflict reads again.
 */
export const createDynamoDbBurstLedger = ({
  client,
  tableName,
  maxConflicts = 5,
}: DynamoDbBurstLedgerOptions): BurstLedger => ({
  enter: async (request) => {
    const key = { pk: { S: burstKey(request.route) } };
    for (let attempt = 0; attempt < maxConflicts; attempt += 1) {
      const { Item: item } = await client.send(
        new GetItemCommand({
          TableName: tableName,
          Key: key,
          ConsistentRead: true,
        })
      );
      const seen = item?.ver?.N;
      const current: BurstRecord | undefined =
        item?.flushAt?.N && item.alone?.N
          ? { flushAt: Number(item.flushAt.N), alone: Number(item.alone.N) }
          : undefined;
      const next = planBurst(current, request);
      if (!next) return undefined;
      if (
        current &&
        next.record.flushAt === current.flushAt &&
        next.record.alone === current.alone
      )
        return next.burst;
      try {
        await client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: key,
            UpdateExpression:
              'SET flushAt = :flushAt, alone = :alone, ver = :next, #ttl = :ttl',
            ConditionExpression:
              seen === undefined ? 'attribute_not_exists(ver)' : 'ver = :seen',
            ExpressionAttributeNames: { '#ttl': 'ttl' },
            ExpressionAttributeValues: {
              ':flushAt': n(next.record.flushAt),
              ':alone': n(next.record.alone),
              ':next': n(Number(seen ?? 0) + 1),
              ':ttl': n(Math.ceil(next.record.flushAt / 1000) + DAY_S),
              ...(seen === undefined ? {} : { ':seen': n(Number(seen)) }),
            },
          })
        );
        return next.burst;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    throw new Error(
      `the burst record of route ${request.route} kept changing under concurrent batches`
    );
  },
});
