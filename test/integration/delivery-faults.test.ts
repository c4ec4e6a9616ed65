import {
  PublishBatchCommand,
  type PublishBatchCommandInput,
  type PublishBatchRequestEntry,
  PublishCommand,
  type PublishCommandInput,
  SNSClient,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.js';
import type { DedupStore } from '../../src/dedup/dedup-store.js';
import { createDynamoDbDedupStore } from '../../src/dedup/dynamodb-store.js';
import { silentLog } from '../../src/pipeline/log.js';
import { anInvocation } from '../helpers/delivery-rig.js';
import { type LocalDynamo, startDynalite } from '../helpers/dynalite.js';
import {
  findingArn,
  inspector2EventFor,
  securityHubEventFor,
} from '../helpers/finding-events.js';
import { seeded } from '../helpers/seeded.js';

/*
 * Issue 16: the fault suite. Findings open and later close, through
 * Inspector2 events and Security Hub batches, while four faults are
 * injected: confirm writes that fail after the publish went out, DynamoDB
 * throttling on claims (the SDK's retries exhausted), timeouts between
 * publishes (an SNS call that never returns: the environment is gone), and
 * PublishBatch responses that omit entries SNS accepted. Lost must be 0;
 * every extra announcement must be one the docs allow (a publish whose
 * confirm never happened: failed confirm, timeout after the publish, an
 * accepted entry the response did not report).
 */

const CONFIG = parseConfig(
  `
routes:
  - name: security
    topicArn: arn:aws:sns:eu-central-1:123456789012:security
    match: { severity: { min: HIGH } }
    announceResolutions: true
  - name: everything
    topicArn: arn:aws:sns:eu-central-1:123456789012:all
    announceResolutions: true
`,
  'faults.yaml'
);

const FINDINGS = 60;
const ATTEMPTS = 3;
const AFTER_LEASE = 60_000;

const throttled = () =>
  Object.assign(new Error('Rate of requests exceeds the allowed throughput'), {
    name: 'ProvisionedThroughputExceededException',
  });

describe('Delivery under injected faults (dynalite)', () => {
  const sns = mockClient(SNSClient);
  let dynamo: LocalDynamo;

  beforeAll(async () => {
    dynamo = await startDynalite();
  });
  afterAll(async () => {
    sns.restore();
    await dynamo?.stop();
  });

  it('loses nothing and announces twice only where a confirm never happened', async () => {
    const random = seeded(16_016);
    const counts = {
      invocations: 0,
      throws: 0,
      timeouts: 0,
      timeoutsAfterDelivery: 0,
      failedConfirms: 0,
      throttledClaims: 0,
      omittedAccepted: 0,
      toFailureDestination: 0,
    };
    const published = new Map<string, number>();
    let hang: (() => void) | undefined;
    let confirmFailedKeys = 0;

    const record = (
      entry: PublishBatchRequestEntry | PublishCommandInput,
      topic: string
    ) => {
      const attribute = (name: string) =>
        entry.MessageAttributes?.[name]?.StringValue ?? '';
      const body = JSON.parse(entry.Message ?? '{}') as {
        metadata: { additionalContext: { findingId: string } };
      };
      const key = `${topic.split(':')[5]}|${body.metadata.additionalContext.findingId}|${attribute('lifecycle')}`;
      published.set(key, (published.get(key) ?? 0) + 1);
    };
    /** An SNS call that never returns; sometimes after SNS delivered it. */
    const maybeHang = (deliver: () => number): Promise<never> | undefined => {
      const roll = random();
      if (roll >= 0.06) return undefined;
      counts.timeouts += 1;
      if (roll < 0.03) {
        counts.timeoutsAfterDelivery += deliver();
      }
      hang?.();
      return new Promise<never>(() => undefined);
    };

    sns.on(PublishCommand).callsFake((input: PublishCommandInput) => {
      const topic = input.TopicArn ?? '';
      const hung = maybeHang(() => {
        record(input, topic);
        return 1;
      });
      if (hung) return hung;
      record(input, topic);
      return Promise.resolve({ MessageId: 'm' });
    });
    sns.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => {
      const topic = input.TopicArn ?? '';
      const entries = input.PublishBatchRequestEntries ?? [];
      const hung = maybeHang(() => {
        for (const entry of entries) record(entry, topic);
        return entries.length;
      });
      if (hung) return hung;
      for (const entry of entries) record(entry, topic);
      // Some accepted entries are missing from the response.
      const reported = entries.filter(() => {
        if (random() >= 0.1) return true;
        counts.omittedAccepted += 1;
        return false;
      });
      return Promise.resolve({
        Successful: reported.map((entry) => ({
          Id: entry.Id,
          MessageId: `b-${entry.Id}`,
        })),
        Failed: [],
      });
    });

    const table = createDynamoDbDedupStore({
      client: dynamo.client,
      tableName: await dynamo.createTable(),
    });
    const dedup: DedupStore = {
      claim: async (request) => {
        if (random() < 0.04) {
          counts.throttledClaims += 1;
          throw throttled();
        }
        return table.claim(request);
      },
      confirm: async (key, token, now) => {
        if (random() < 0.05) {
          counts.failedConfirms += 1;
          confirmFailedKeys += 1;
          throw throttled();
        }
        return table.confirm(key, token, now);
      },
      release: (key, token) => table.release(key, token),
    };
    let clock = Date.parse('2026-03-01T12:00:00Z');
    const now = () => new Date(clock);

    /** One event through Lambda's attempts; a timeout abandons the attempt. */
    const deliver = async (event: unknown): Promise<boolean> => {
      for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
        counts.invocations += 1;
        const timedOut = new Promise<'timeout'>((resolve) => {
          hang = () => resolve('timeout');
        });
        const invoke = anInvocation({
          config: CONFIG,
          dedup,
          now,
          log: silentLog,
        });
        const outcome = await Promise.race([
          invoke(event).then(
            () => 'ok' as const,
            () => 'threw' as const
          ),
          timedOut,
        ]);
        hang = undefined;
        if (outcome === 'ok') return true;
        if (outcome === 'threw') counts.throws += 1;
        // Lambda's retry comes after the lease of anything left claimed.
        clock += AFTER_LEASE;
      }
      return false;
    };

    const phase = async (events: unknown[]) => {
      let queue = events;
      for (let round = 0; queue.length > 0 && round < 10; round += 1) {
        const failed: unknown[] = [];
        for (const event of queue) {
          clock += 1_000;
          if (!(await deliver(event))) failed.push(event);
        }
        counts.toFailureDestination += failed.length;
        queue = failed;
      }
      expect(queue).toEqual([]);
    };

    const severity = (n: number) =>
      (['MEDIUM', 'HIGH', 'CRITICAL'] as const)[n % 3] ?? 'HIGH';
    // Even findings: one Inspector2 event each. Odd ones: Security Hub
    // batches of five findings (PublishBatch per topic).
    const opened: unknown[] = [];
    for (let n = 0; n < FINDINGS; n += 2) {
      opened.push(
        inspector2EventFor({ arn: findingArn(n + 1), severity: severity(n) })
      );
    }
    for (let first = 1; first < FINDINGS; first += 10) {
      const batch = securityHubEventFor({
        arn: findingArn(first + 1),
        severity: severity(first),
      });
      for (let n = first + 2; n < Math.min(first + 10, FINDINGS); n += 2) {
        batch.detail.findings.push(
          ...securityHubEventFor({
            arn: findingArn(n + 1),
            severity: severity(n),
          }).detail.findings
        );
      }
      opened.push(batch);
    }
    const closed = Array.from({ length: FINDINGS / 2 }, (_, n) =>
      inspector2EventFor({
        arn: findingArn(2 * n + 1),
        severity: severity(2 * n),
        status: 'CLOSED',
      })
    );
    const started = Date.now();
    await phase(opened);
    clock += 3_600_000;
    await phase(closed);

    const expected = new Set<string>();
    for (let n = 0; n < FINDINGS; n += 1) {
      const routes = severity(n) === 'MEDIUM' ? ['all'] : ['all', 'security'];
      for (const route of routes) {
        expected.add(`${route}|${findingArn(n + 1)}|OPEN`);
        if (n % 2 === 0) expected.add(`${route}|${findingArn(n + 1)}|RESOLVED`);
      }
    }
    const lost = [...expected].filter((key) => !published.has(key));
    const unexpected = [...published.keys()].filter(
      (key) => !expected.has(key)
    );
    const extra = [...published.values()].reduce(
      (sum, times) => sum + times - 1,
      0
    );
    const allowedExtra =
      confirmFailedKeys + counts.timeoutsAfterDelivery + counts.omittedAccepted;
    console.info(
      `delivery faults: ${JSON.stringify({
        findings: FINDINGS,
        distinctRouteFindingStates: expected.size,
        ...counts,
        publishes: [...published.values()].reduce((a, b) => a + b, 0),
        lost: lost.length,
        extra,
        allowedExtra,
        seconds: (Date.now() - started) / 1000,
      })}`
    );

    expect(counts.failedConfirms).toBeGreaterThan(0);
    expect(counts.throttledClaims).toBeGreaterThan(0);
    expect(counts.timeouts).toBeGreaterThan(0);
    expect(counts.omittedAccepted).toBeGreaterThan(0);
    expect(lost).toEqual([]);
    expect(unexpected).toEqual([]);
    expect(extra).toBeLessThanOrEqual(allowedExtra);
  }, 600_000);
});
