import {
  PublishCommand,
  type PublishCommandInput,
  SNSClient,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.js';
import type { DedupStore } from '../../src/dedup/dedup-store.js';
import { createDynamoDbDedupStore } from '../../src/dedup/dynamodb-store.js';
import { createMemoryDedupStore } from '../../src/dedup/memory-store.js';
import { aLog, anInvocation, deliveriesOf } from '../helpers/delivery-rig.js';
import { type LocalDynamo, startDynalite } from '../helpers/dynalite.js';
import { findingArn, inspector2EventFor } from '../helpers/finding-events.js';

/*
 * Issue 16, items 4 and 5: "published, confirm unknown" counts as announced
 * for a later resolution, and each publish is confirmed as soon as it
 * succeeds, so a timeout part-way re-sends only what had not gone out.
 */

const TOPIC_A = 'arn:aws:sns:eu-central-1:123456789012:a';
const TOPIC_B = 'arn:aws:sns:eu-central-1:123456789012:b';

const CONFIG = parseConfig(
  `
routes:
  - name: a
    topicArn: ${TOPIC_A}
    announceResolutions: true
  - name: b
    topicArn: ${TOPIC_B}
    announceResolutions: true
`,
  'confirm-semantics.yaml'
);

const T0 = Date.parse('2026-03-01T12:00:00Z');
const AFTER_LEASE = 60_000;
const ARN = findingArn(7);

/** A store whose confirm fails (DynamoDB error after a successful publish). */
const failingConfirm = (store: DedupStore): DedupStore => ({
  claim: (request) => store.claim(request),
  release: (key, token) => store.release(key, token),
  confirm: async () => {
    throw Object.assign(new Error('Throughput exceeded'), {
      name: 'ProvisionedThroughputExceededException',
    });
  },
});

describe.each(['dynalite', 'memory'] as const)(
  'Confirm semantics (%s store)',
  (kind) => {
    const sns = mockClient(SNSClient);
    let dynamo: LocalDynamo | undefined;
    let dedup: DedupStore;
    let clock: number;
    const now = () => new Date(clock);
    let deliveredTo: string[];

    beforeAll(async () => {
      if (kind === 'dynalite') dynamo = await startDynalite();
    });
    afterAll(async () => {
      sns.restore();
      await dynamo?.stop();
    });
    beforeEach(async () => {
      sns.reset();
      deliveredTo = [];
      sns.on(PublishCommand).callsFake(async (input: PublishCommandInput) => {
        deliveredTo.push(input.TopicArn === TOPIC_A ? 'a' : 'b');
        return { MessageId: `m-${deliveredTo.length}` };
      });
      clock = T0;
      dedup = dynamo
        ? createDynamoDbDedupStore({
            client: dynamo.client,
            tableName: await dynamo.createTable(),
          })
        : createMemoryDedupStore();
    });

    it('announces the resolution of a finding whose publish went out but whose confirm failed', async () => {
      // Prepare: the open state is published, the confirm write fails.
      const log = aLog();
      const opened = await anInvocation({
        config: CONFIG,
        dedup: failingConfirm(dedup),
        now,
        log,
      })(inspector2EventFor({ arn: ARN, severity: 'HIGH' }));
      expect(deliveriesOf(opened)).toEqual([
        'a published new',
        'b published new',
      ]);
      expect(log.error).toHaveBeenCalledWith(
        'published but not recorded in the dedup store',
        expect.objectContaining({ route: 'a' })
      );

      // Act: an hour later the finding closes.
      clock += 3_600_000;
      const closed = await anInvocation({ config: CONFIG, dedup, now })(
        inspector2EventFor({ arn: ARN, severity: 'HIGH', status: 'CLOSED' })
      );

      // Assess
      expect(deliveriesOf(closed)).toEqual([
        'a published resolved',
        'b published resolved',
      ]);
      expect(deliveredTo).toEqual(['a', 'b', 'a', 'b']);
    });

    it('does not re-send a route that went out before a timeout part-way through the publishes', async () => {
      // Prepare: topic a answers, topic b hangs (the function times out and
      // its environment is gone: nothing after this point runs).
      sns.on(PublishCommand).callsFake(async (input: PublishCommandInput) => {
        if (input.TopicArn === TOPIC_B) return new Promise(() => undefined);
        deliveredTo.push('a');
        return { MessageId: 'a-1' };
      });
      const event = inspector2EventFor({ arn: ARN, severity: 'HIGH' });
      void anInvocation({ config: CONFIG, dedup, now })(event);
      await expect
        .poll(() => sns.commandCalls(PublishCommand).length, {
          timeout: 10_000,
        })
        .toBe(2);
      // The confirm of route a, if made, has had its moment.
      await new Promise((resolve) => setTimeout(resolve, 200));

      // Act: Lambda's retry after the lease; SNS answers again.
      sns.on(PublishCommand).callsFake(async (input: PublishCommandInput) => {
        deliveredTo.push(input.TopicArn === TOPIC_A ? 'a' : 'b');
        return { MessageId: 'retry' };
      });
      clock += AFTER_LEASE;
      const retried = await anInvocation({ config: CONFIG, dedup, now })(event);

      // Assess
      expect(deliveriesOf(retried)).toEqual(['a duplicate', 'b published new']);
      expect(deliveredTo).toEqual(['a', 'b']);
    });
  }
);
