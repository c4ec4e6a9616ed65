import { randomUUID } from 'node:crypto';
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  type DynamoDBClient,
  GetItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { FindingSeverityLabel } from '../events/severity.js';
import type { Lifecycle } from '../findings/finding.js';
import {
  type AnnouncedState,
  type ClaimRequest,
  type ClaimResult,
  DEFAULT_LEASE_MS,
  type DedupStore,
} from './dedup-store.js';
import { type Announced, planClaim } from './plan-claim.js';

/** The table and timing of the DynamoDB dedup store. */
export type DynamoDbStoreOptions = {
  readonly client: DynamoDBClient;
  /** Table with a string partition key `pk` and TTL on `ttl`. */
  readonly tableName: string;
  /**
   * How long an unconfirmed claim blocks others. Longer than the function
   * timeout, shorter than Lambda's first async retry (about 1 minute).
   * @default 45_000
   */
  readonly leaseMs?: number;
  /** Records are kept at least this long after the last write. @default 90 days */
  readonly retentionMs?: number;
  /** Conditional-write conflicts re-read this many times before `busy`. @default 3 */
  readonly maxConflicts?: number;
};

const DAY_MS = 86_400_000;

/*
 * One item per route and finding, `pk = <route>#<finding id>`:
 *
 *   ver                    N  bumped by every write; a claim writes only if
 *                             the version it read is still there
 *   aSev aLife aFp aAt     announced state and its confirm time (ms)
 *   cTok cSev cLife cFp    pending claim: token and the state it reserves
 *   cUntil                 N  end of the claim's lease (ms)
 *   ttl                    N  epoch seconds, for DynamoDB TTL cleanup only;
 *                             no decision reads it
 *
 * claim:   GetItem (consistent) → planClaim → UpdateItem
 *            SET c* ... IF ver = :seen AND (no claim OR cUntil < :now)
 *          ConditionalCheckFailed → someone wrote in between: read again.
 * confirm: UpdateItem SET a* = claim, REMOVE c*  IF cTok = :token
 * release: UpdateItem REMOVE c*                  IF cTok = :token
 *
 *   invocation A: get ─ update(ver 3→4, cUntil=t+45s) ─ publish ─ confirm(ver 5)
 *   invocation B:    get(ver 3) ─ update(ver = 3?) ✗ ─ get(ver 4, live claim) → busy
 */
const CLAIM_ATTRIBUTES = ['cTok', 'cSev', 'cLife', 'cFp', 'cUntil'] as const;

const s = (value: string): AttributeValue => ({ S: value });
const n = (value: number): AttributeValue => ({ N: String(value) });

type Item = Record<string, AttributeValue>;

const str = (item: Item, name: string) => item[name]?.S;
const num = (item: Item, name: string): number | undefined => {
  const value = item[name]?.N;
  return value === undefined ? undefined : Number(value);
};

const announcedOf = (item: Item): Announced | undefined => {
  const severity = str(item, 'aSev');
  const lifecycle = str(item, 'aLife');
  const fingerprint = str(item, 'aFp');
  const at = num(item, 'aAt');
  if (!severity || !lifecycle || fingerprint === undefined || at === undefined)
    return undefined;
  return {
    state: {
      severity: severity as FindingSeverityLabel,
      lifecycle: lifecycle as Lifecycle,
      fingerprint,
    },
    at,
  };
};

/** The state of an expired claim never confirmed nor released. */
const unconfirmedOf = (item: Item): AnnouncedState | undefined => {
  const severity = str(item, 'cSev');
  const lifecycle = str(item, 'cLife');
  if (!str(item, 'cTok') || !severity || !lifecycle) return undefined;
  return {
    severity: severity as FindingSeverityLabel,
    lifecycle: lifecycle as Lifecycle,
    fingerprint: str(item, 'cFp') ?? '',
  };
};

/** A conditional write lost to another writer (the SDK's class, or its name across SDK copies). */
export const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException ||
  (error instanceof Error && error.name === 'ConditionalCheckFailedException');

/**
 * The dedup store on DynamoDB. Uses only `GetItem` and `UpdateItem`.
 * Written by hand rather than with Powertools idempotency, whose single
 * record per payload with a fixed expiry cannot compare states (escalation
 * vs duplicate), remind after a window or release one route's claim.
 */
export const createDynamoDbDedupStore = ({
  client,
  tableName,
  leaseMs = DEFAULT_LEASE_MS,
  retentionMs = 90 * DAY_MS,
  maxConflicts = 3,
}: DynamoDbStoreOptions): DedupStore => {
  const ttlFrom = (at: number, windowMs: number) =>
    n(Math.ceil((at + Math.max(retentionMs, 2 * windowMs)) / 1000));

  const read = async (key: string): Promise<Item | undefined> => {
    const output = await client.send(
      new GetItemCommand({
        TableName: tableName,
        Key: { pk: s(key) },
        ConsistentRead: true,
      })
    );
    return output.Item;
  };

  const tryClaim = async (
    request: ClaimRequest
  ): Promise<ClaimResult | 'conflict'> => {
    const { key, state, now, windowMs, announceResolutions } = request;
    const at = now.getTime();
    const item = await read(key);
    const leaseUntil = item ? num(item, 'cUntil') : undefined;
    if (leaseUntil !== undefined && leaseUntil > at) {
      return {
        kind: 'busy',
        reason: 'another invocation is announcing this finding',
      };
    }
    const announced = item ? announcedOf(item) : undefined;
    const plan = planClaim(
      announced,
      state,
      at,
      { windowMs, announceResolutions },
      item ? unconfirmedOf(item) : undefined
    );
    if (!plan.announce) return { kind: 'duplicate', reason: plan.reason };

    const token = randomUUID();
    const seen = item ? num(item, 'ver') : undefined;
    try {
      await client.send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: { pk: s(key) },
          UpdateExpression:
            'SET ver = :next, cTok = :tok, cSev = :sev, cLife = :life, cFp = :fp, cUntil = :until, #ttl = :ttl',
          // The expiry is compared here, never assumed deleted: an expired
          // claim stays in the item until someone overwrites it.
          ConditionExpression:
            seen === undefined
              ? 'attribute_not_exists(ver) AND (attribute_not_exists(cUntil) OR cUntil < :now)'
              : 'ver = :seen AND (attribute_not_exists(cUntil) OR cUntil < :now)',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':next': n((seen ?? 0) + 1),
            ':tok': s(token),
            ':sev': s(state.severity),
            ':life': s(state.lifecycle),
            ':fp': s(state.fingerprint),
            ':until': n(at + leaseMs),
            ':ttl': ttlFrom(at, windowMs),
            ':now': n(at),
            ...(seen === undefined ? {} : { ':seen': n(seen) }),
          },
        })
      );
    } catch (error) {
      if (isConditionFailure(error)) return 'conflict';
      throw error;
    }
    return {
      kind: 'claimed',
      token,
      variant: plan.variant,
      ...(announced ? { previous: announced.state } : {}),
    };
  };

  return {
    claim: async (request) => {
      for (let attempt = 0; attempt < maxConflicts; attempt += 1) {
        const result = await tryClaim(request);
        if (result !== 'conflict') return result;
      }
      return {
        kind: 'busy',
        reason: 'the dedup record kept changing under concurrent claims',
      };
    },

    confirm: async (key, token, now) => {
      const at = now.getTime();
      try {
        await client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: { pk: s(key) },
            // `ttl` was set by the claim a moment ago (from the window too).
            UpdateExpression: `SET aSev = cSev, aLife = cLife, aFp = cFp, aAt = :now ADD ver :one REMOVE ${CLAIM_ATTRIBUTES.join(', ')}`,
            ConditionExpression: 'cTok = :tok',
            ExpressionAttributeValues: {
              ':tok': s(token),
              ':now': n(at),
              ':one': n(1),
            },
          })
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    release: async (key, token) => {
      try {
        await client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: { pk: s(key) },
            UpdateExpression: `ADD ver :one REMOVE ${CLAIM_ATTRIBUTES.join(', ')}`,
            ConditionExpression: 'cTok = :tok',
            ExpressionAttributeValues: { ':tok': s(token), ':one': n(1) },
          })
        );
      } catch (error) {
        // Not ours any more (lease ended and someone else claimed): nothing to give back.
        if (!isConditionFailure(error)) throw error;
      }
    },
  };
};
