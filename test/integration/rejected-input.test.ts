import {
  PublishBatchCommand,
  type PublishBatchCommandInput,
  PublishCommand,
  SNSClient,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.js';
import { createMemoryDedupStore } from '../../src/dedup/memory-store.js';
import { createHandler } from '../../src/handler/create-handler.js';
import { buildPipeline } from '../../src/pipeline/build-pipeline.js';
import { createSnsPublisher } from '../../src/publish/sns-publisher.js';
import { eventsOf } from '../../src/replay/wrap.js';
import { fakeContext } from '../helpers/context.js';
import { aLog, anInvocation } from '../helpers/delivery-rig.js';
import { findingArn, securityHubEventFor } from '../helpers/finding-events.js';

/*
 * Issue 16, items 2 and 6: one bad finding does not drop the event's valid
 * findings; a rejected event or finding fails the invocation, so Lambda hands
 * the whole event to the function's failure destination (replayable), and
 * the log line stays valid, bounded JSON, however deep or big the event.
 */

const TOPIC = 'arn:aws:sns:eu-central-1:123456789012:all';
const CONFIG = parseConfig(
  `
routes:
  - name: everything
    topicArn: ${TOPIC}
    # Each finding its own message: these tests count them.
    digest: { enabled: false }
`,
  'rejected-input.yaml'
);
const NOW = () => new Date('2026-03-01T12:00:00Z');

/** A Security Hub event with `count` distinct findings. */
const batchOf = (count: number) => {
  const event = securityHubEventFor({ arn: findingArn(1), severity: 'HIGH' });
  const [template] = event.detail.findings;
  event.detail.findings = Array.from({ length: count }, (_, n) => ({
    ...structuredClone(template),
    Id: findingArn(n + 1),
  })) as typeof event.detail.findings;
  return event;
};

const nested = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
};

describe('Rejected input (issue 16, items 2 and 6)', () => {
  const sns = mockClient(SNSClient);
  let entries: number;

  beforeEach(() => {
    sns.reset();
    entries = 0;
    sns.on(PublishCommand).callsFake(async () => {
      entries += 1;
      return { MessageId: 'one' };
    });
    sns
      .on(PublishBatchCommand)
      .callsFake(async (input: PublishBatchCommandInput) => {
        const batch = input.PublishBatchRequestEntries ?? [];
        entries += batch.length;
        return {
          Successful: batch.map((entry) => ({ Id: entry.Id, MessageId: 'b' })),
          Failed: [],
        };
      });
  });

  it('announces the 99 valid findings of 100 and rejects the bad one with its path, failing the invocation', async () => {
    // Prepare
    const event = batchOf(100);
    (event.detail.findings[42] as unknown as Record<string, unknown>).Title =
      42;
    const log = aLog();
    const invoke = anInvocation({
      config: CONFIG,
      dedup: createMemoryDedupStore(),
      now: NOW,
      log,
    });

    // Act
    const error = await invoke(event).catch((thrown: unknown) => thrown);

    // Assess: the valid findings went out ...
    expect(entries).toBe(99);
    // ... the bad one is named ...
    expect(log.error).toHaveBeenCalledWith(
      'finding rejected',
      expect.objectContaining({
        outcome: 'rejected',
        findingId: findingArn(43),
        reason: expect.stringMatching(/^detail\.findings\[42\]\.Title: /),
      })
    );
    // ... and the invocation fails, so the whole event reaches the failure destination.
    expect(error).toMatchObject({
      name: 'RejectedEventError',
      rejected: [expect.objectContaining({ path: 'detail.findings[42]' })],
    });
  });

  it('fails the invocation for a rejected event, logging it as valid JSON however big', async () => {
    // Prepare: 40 KB of findings with one bad severity in each
    const event = batchOf(20);
    for (const finding of event.detail.findings) {
      (finding as unknown as Record<string, unknown>).Severity = { Label: 'X' };
    }
    const log = aLog();

    // Act
    const error = await anInvocation({
      config: CONFIG,
      dedup: createMemoryDedupStore(),
      now: NOW,
      log,
    })(event).catch((thrown: unknown) => thrown);

    // Assess
    expect(error).toMatchObject({ name: 'RejectedEventError' });
    expect(entries).toBe(0);
    const [, line] = log.error.mock.calls.find(
      ([message]) => message === 'event rejected'
    ) ?? [undefined, {}];
    expect(line).toMatchObject({ outcome: 'rejected' });
    expect(typeof (line as { event?: unknown }).event).not.toBe('string');
    expect(JSON.stringify(line).length).toBeLessThan(40_000);
  });

  it('rejects an event nested 5,000 levels deep with a reason, without a RangeError', async () => {
    // Prepare
    const event = batchOf(1);
    (event.detail.findings[0] as unknown as Record<string, unknown>).Resources =
      [{ Type: 'Other', Id: 'x', Details: { Other: nested(5_000) } }];
    const log = aLog();

    const handler = createHandler({
      log,
      pipeline: buildPipeline(CONFIG, {
        dedup: createMemoryDedupStore(),
        publisher: createSnsPublisher(
          new SNSClient({ region: 'eu-central-1' })
        ),
        log,
        now: NOW,
      }),
    });

    // Act: as Lambda gives it, parsed from JSON text (no deep copy).
    const error = await handler(event, fakeContext()).catch(
      (thrown: unknown) => thrown
    );

    // Assess
    expect(error).toMatchObject({ name: 'RejectedEventError' });
    expect(log.error).toHaveBeenCalledWith(
      'event rejected',
      expect.objectContaining({
        reason: expect.stringMatching(/nested deeper than 64 levels/),
      })
    );
    expect(() => JSON.stringify(log.error.mock.calls)).not.toThrow();
  });
});

describe('Replaying a failure destination record', () => {
  it('reads the event the function failed on from requestPayload', () => {
    const event = batchOf(1);
    const record = {
      version: '1.0',
      timestamp: '2026-03-01T12:03:00.000Z',
      requestContext: {
        requestId: 'r-1',
        functionArn: 'arn:aws:lambda:eu-central-1:123456789012:function:f',
        condition: 'RetriesExhausted',
        approximateInvokeCount: 3,
      },
      requestPayload: event,
      responseContext: { statusCode: 200, functionError: 'Unhandled' },
      responsePayload: { errorType: 'RejectedEventError' },
    };
    expect(eventsOf(record)).toEqual([
      { event, wrapped: 'failure destination record' },
    ]);
  });
});
