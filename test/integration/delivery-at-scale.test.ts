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
import { createDynamoDbDedupStore } from '../../src/dedup/dynamodb-store.js';
import type { SeverityLabel } from '../../src/events/severity.js';
import { silentLog } from '../../src/pipeline/log.js';
import type { EventReport } from '../../src/pipeline/outcome.js';
import { anInvocation, SHORT_WAIT } from '../helpers/delivery-rig.js';
import { type LocalDynamo, startDynalite } from '../helpers/dynalite.js';
import {
  findingArn,
  inspector2EventFor,
  securityHubEventFor,
} from '../helpers/finding-events.js';
import { seeded } from '../helpers/seeded.js';

const CONFIG = parseConfig(
  `
routes:
  - name: security
    topicArn: arn:aws:sns:eu-central-1:123456789012:security
    match: { severity: { min: HIGH } }
  - name: everything
    topicArn: arn:aws:sns:eu-central-1:123456789012:all
`,
  'at-scale.yaml'
);

const EVENTS = 1_000;
const FINDINGS = 300;
const FAILURE_RATE = 0.2;
/** Lambda retries a failed async invocation twice: three attempts. */
const ATTEMPTS = 3;
/** Execution environments running at the same time. */
const CONCURRENCY = 4;
const SEVERITIES: readonly SeverityLabel[] = [
  'LOW',
  'MEDIUM',
  'HIGH',
  'CRITICAL',
];

type SimEvent = { readonly id: string; readonly body: unknown };

/**
 * 1,000 events over 300 findings: each finding's first event, then repeats
 * of four kinds: the Inspector2 event again (new event id, new timestamps),
 * the Security Hub copy, the same event delivered twice (same id), and
 * Security Hub batches holding several findings with copies inside.
 */
const generateEvents = (random: () => number) => {
  const pick = <T>(items: readonly T[]): T =>
    items[Math.floor(random() * items.length)] as T;
  const severity = Array.from({ length: FINDINGS }, () => pick(SEVERITIES));
  const stateOf = (n: number, eventId: string) => ({
    arn: findingArn(n + 1),
    severity: severity[n] as SeverityLabel,
    eventId,
    updatedAt: new Date(
      Date.UTC(2026, 2, 1) + Math.floor(random() * 1e9)
    ).toISOString(),
  });
  const events: SimEvent[] = [];
  const kinds = {
    first: 0,
    inspector2: 0,
    securityHub: 0,
    resent: 0,
    batch: 0,
  };
  for (let n = 0; n < FINDINGS; n += 1) {
    const id = `first-${n}`;
    const body =
      random() < 0.5
        ? inspector2EventFor(stateOf(n, id))
        : securityHubEventFor(stateOf(n, id));
    events.push({ id, body });
    kinds.first += 1;
  }
  while (events.length < EVENTS) {
    const roll = random();
    const n = Math.floor(random() * FINDINGS);
    const id = `event-${events.length}`;
    if (roll < 0.3) {
      events.push({ id, body: inspector2EventFor(stateOf(n, id)) });
      kinds.inspector2 += 1;
    } else if (roll < 0.6) {
      events.push({ id, body: securityHubEventFor(stateOf(n, id)) });
      kinds.securityHub += 1;
    } else if (roll < 0.8) {
      const earlier = pick(events);
      events.push({ id: earlier.id, body: structuredClone(earlier.body) });
      kinds.resent += 1;
    } else {
      const batch = securityHubEventFor(stateOf(n, id));
      for (let extra = 1 + Math.floor(random() * 4); extra > 0; extra -= 1) {
        const other = securityHubEventFor({
          ...stateOf(Math.floor(random() * FINDINGS), id),
          copies: 1 + Math.floor(random() * 2),
        });
        batch.detail.findings.push(...other.detail.findings);
      }
      events.push({ id, body: batch });
      kinds.batch += 1;
    }
  }
  // Arrival order is not creation order.
  for (let i = events.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [events[i], events[j]] = [events[j] as SimEvent, events[i] as SimEvent];
  }
  const expected = new Set<string>();
  for (let n = 0; n < FINDINGS; n += 1) {
    const label = severity[n] as SeverityLabel;
    const state = `${label}|OPEN`;
    expected.add(`everything|${findingArn(n + 1)}|${state}`);
    if (label === 'HIGH' || label === 'CRITICAL') {
      expected.add(`security|${findingArn(n + 1)}|${state}`);
    }
  }
  return { events, expected, kinds };
};

describe('Delivery at scale against DynamoDB (dynalite)', () => {
  const sns = mockClient(SNSClient);
  let dynamo: LocalDynamo;

  beforeAll(async () => {
    dynamo = await startDynalite();
  });
  afterAll(async () => {
    sns.restore();
    await dynamo?.stop();
  });

  it('publishes every distinct (route, finding, state) exactly once with 20% transient SNS failures', async () => {
    const random = seeded(20_261_129);
    const { events, expected, kinds } = generateEvents(random);
    const counts = {
      invocations: 0,
      throws: 0,
      snsCalls: 0,
      publishBatchCalls: 0,
      injectedFailures: 0,
      publishes: 0,
      duplicates: 0,
      failedDeliveries: 0,
      toFailureDestination: 0,
      redriveRounds: 0,
      leftOver: 0,
    };
    const published = new Map<string, number>();
    const failuresByCode: Record<string, number> = {};

    const record = (
      message: string | undefined,
      severity: string,
      lifecycle: string
    ) => {
      const body = JSON.parse(message ?? '{}') as {
        metadata: { additionalContext: { findingId: string; route: string } };
      };
      const { findingId, route } = body.metadata.additionalContext;
      const key = `${route}|${findingId}|${severity}|${lifecycle}`;
      published.set(key, (published.get(key) ?? 0) + 1);
      counts.publishes += 1;
    };
    const attribute = (
      entry: PublishBatchRequestEntry | PublishCommandInput,
      name: string
    ) => entry.MessageAttributes?.[name]?.StringValue ?? '';
    const transient = () =>
      Object.assign(new Error('Rate exceeded'), {
        name: random() < 0.7 ? 'Throttling' : 'InternalError',
      });

    sns.on(PublishCommand).callsFake(async (input: PublishCommandInput) => {
      counts.snsCalls += 1;
      if (random() < FAILURE_RATE) {
        counts.injectedFailures += 1;
        throw transient();
      }
      record(
        input.Message,
        attribute(input, 'severity'),
        attribute(input, 'lifecycle')
      );
      return { MessageId: `m-${counts.snsCalls}` };
    });
    sns
      .on(PublishBatchCommand)
      .callsFake(async (input: PublishBatchCommandInput) => {
        counts.snsCalls += 1;
        counts.publishBatchCalls += 1;
        const entries = input.PublishBatchRequestEntries ?? [];
        const fails = random() < FAILURE_RATE;
        if (fails) counts.injectedFailures += 1;
        if (fails && random() < 0.5) throw transient();
        // Otherwise a partial failure: some entries in Failed[], SenderFault false.
        const failing = new Set(
          fails
            ? entries.filter(() => random() < 0.5).map((entry) => entry.Id)
            : []
        );
        if (fails && failing.size === 0) failing.add(entries[0]?.Id);
        for (const entry of entries) {
          if (!failing.has(entry.Id)) {
            record(
              entry.Message,
              attribute(entry, 'severity'),
              attribute(entry, 'lifecycle')
            );
          }
        }
        return {
          Successful: entries
            .filter((entry) => !failing.has(entry.Id))
            .map((entry) => ({ Id: entry.Id, MessageId: `b-${entry.Id}` })),
          Failed: entries
            .filter((entry) => failing.has(entry.Id))
            .map((entry) => ({
              Id: entry.Id,
              Code: 'InternalError',
              SenderFault: false,
              Message: 'injected',
            })),
        };
      });

    const dedup = createDynamoDbDedupStore({
      client: dynamo.client,
      tableName: await dynamo.createTable(),
    });
    let clock = Date.parse('2026-03-01T12:00:00Z');
    const now = () => new Date(clock);
    // A generous wait for another environment's live claim: on a loaded
    // two-core machine a holder can take seconds to confirm, and the short
    // wait turned that into ClaimBusy failures and extra redrive rounds.
    const claimWait = { ...SHORT_WAIT, maxWaitMs: 30_000 };
    const environments = Array.from({ length: CONCURRENCY }, () =>
      anInvocation({ config: CONFIG, dedup, now, log: silentLog, claimWait })
    );

    /** One event through Lambda's async retries; false: to the failure destination. */
    const invokeWithRetries = async (
      invoke: (event: unknown) => Promise<EventReport>,
      event: SimEvent
    ): Promise<boolean> => {
      for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
        counts.invocations += 1;
        try {
          const report = await invoke(event.body);
          for (const finding of report.findings) {
            if (
              finding.deliveries.length === 0 &&
              finding.outcome === 'duplicate'
            )
              counts.duplicates += 1;
            for (const delivery of finding.deliveries) {
              if (delivery.outcome === 'duplicate') counts.duplicates += 1;
            }
          }
          return true;
        } catch (error) {
          counts.throws += 1;
          const failures =
            (error as { failures?: { errorCode: string }[] }).failures ?? [];
          counts.failedDeliveries += failures.length;
          for (const { errorCode } of failures) {
            failuresByCode[errorCode] = (failuresByCode[errorCode] ?? 0) + 1;
          }
          expect(error).toMatchObject({
            name: 'DeliveryError',
            retryable: true,
          });
        }
      }
      return false;
    };

    const started = Date.now();
    let queue = events;
    while (queue.length > 0 && counts.redriveRounds < 10) {
      const failed: SimEvent[] = [];
      for (let start = 0; start < queue.length; start += CONCURRENCY) {
        clock += 100;
        const slice = queue.slice(start, start + CONCURRENCY);
        const results = await Promise.all(
          slice.map((event, index) =>
            invokeWithRetries(
              environments[index] as (typeof environments)[number],
              event
            )
          )
        );
        slice.forEach((event, index) => {
          if (!results[index]) failed.push(event);
        });
      }
      counts.toFailureDestination += failed.length;
      if (failed.length > 0) counts.redriveRounds += 1;
      queue = failed;
    }
    counts.leftOver = queue.length;
    const seconds = (Date.now() - started) / 1000;

    const twice = [...published].filter(([, times]) => times > 1);
    const missing = [...expected].filter((key) => !published.has(key));
    const unexpected = [...published.keys()].filter(
      (key) => !expected.has(key)
    );
    console.info(
      `delivery at scale: ${JSON.stringify({
        events: events.length,
        findings: FINDINGS,
        eventKinds: kinds,
        distinctRouteFindingStates: expected.size,
        ...counts,
        failuresByCode,
        publishedTwice: twice.length,
        missing: missing.length,
        seconds,
      })}`
    );

    expect(counts.injectedFailures).toBeGreaterThan(0);
    expect(counts.publishBatchCalls).toBeGreaterThan(0);
    expect(counts.throws).toBeGreaterThan(0);
    expect(twice).toEqual([]);
    expect(missing).toEqual([]);
    expect(unexpected).toEqual([]);
    expect(published.size).toBe(expected.size);
    expect(counts.publishes).toBe(expected.size);
    expect(counts.leftOver).toBe(0);
  }, 600_000); // about 15 s idle; minutes on a loaded two-core machine
});
