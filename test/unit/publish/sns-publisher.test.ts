import {
  PublishBatchCommand,
  type PublishBatchCommandInput,
  PublishCommand,
  SNSClient,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../../src/publish/publisher.js';
import {
  createSnsPublisher,
  planBatches,
} from '../../../src/publish/sns-publisher.js';

const TOPIC_A = 'arn:aws:sns:eu-west-1:123456789012:a';
const TOPIC_B = 'arn:aws:sns:eu-west-1:123456789012:b';

const aMessage = (
  n: number,
  topicArn = TOPIC_A,
  body = `body ${n}`
): OutgoingMessage => ({
  route: 'security',
  findingId: `finding-${n}`,
  topicArn,
  subject: `subject ${n}`,
  body,
  attributes: { severity: 'HIGH', route: 'security' },
});

const snsError = (name: string) =>
  Object.assign(new Error(`${name} happened`), { name });

describe('planBatches', () => {
  it('groups by topic into batches of at most 10', () => {
    const messages = [
      ...Array.from({ length: 23 }, (_, n) => aMessage(n, TOPIC_A)),
      ...Array.from({ length: 3 }, (_, n) => aMessage(100 + n, TOPIC_B)),
    ];
    const batches = planBatches(messages);
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 3, 3]);
    expect(batches.flat().map(({ index }) => index)).toEqual(
      messages.map((_, index) => index)
    );
  });

  it('starts a new batch before the sum passes 256 KiB', () => {
    const big = 'x'.repeat(100_000);
    const batches = planBatches(
      Array.from({ length: 5 }, (_, n) => aMessage(n, TOPIC_A, big))
    );
    expect(batches.map((batch) => batch.length)).toEqual([2, 2, 1]);
  });
});

describe('createSnsPublisher', () => {
  const sns = mockClient(SNSClient);
  const publisher = createSnsPublisher(new SNSClient({ region: 'eu-west-1' }));

  beforeEach(() => {
    sns.reset();
  });

  it('publishes a lone message with Publish', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'one' });
    expect(await publisher.publish([aMessage(1)])).toEqual([
      { ok: true, messageId: 'one' },
    ]);
    expect(sns).not.toReceiveCommand(PublishBatchCommand);
  });

  it('reports each call’s results before the next call goes out', async () => {
    // Prepare
    const order: string[] = [];
    sns.on(PublishCommand).callsFake(async (input) => {
      order.push(`send ${input.TopicArn === TOPIC_A ? 'a' : 'b'}`);
      return { MessageId: 'one' };
    });

    // Act
    await publisher.publish(
      [aMessage(1, TOPIC_A), aMessage(2, TOPIC_B)],
      async (index, result) => {
        order.push(`result ${index} ${result.ok}`);
      }
    );

    // Assess
    expect(order).toEqual([
      'send a',
      'result 0 true',
      'send b',
      'result 1 true',
    ]);
  });

  it('publishes a topic’s messages with PublishBatch and reads Failed[]', async () => {
    sns
      .on(PublishBatchCommand)
      .callsFake(async (input: PublishBatchCommandInput) => {
        const ids = (input.PublishBatchRequestEntries ?? []).map((e) => e.Id);
        return {
          Successful: [{ Id: ids[0], MessageId: 'ok-0' }],
          Failed: [
            {
              Id: ids[1],
              Code: 'InternalError',
              SenderFault: false,
              Message: 'boom',
            },
            {
              Id: ids[2],
              Code: 'InvalidParameter',
              SenderFault: true,
              Message: 'too long',
            },
          ],
        };
      });
    const results = await publisher.publish([
      aMessage(0),
      aMessage(1),
      aMessage(2),
      aMessage(3),
    ]);
    expect(results).toEqual([
      { ok: true, messageId: 'ok-0' },
      { ok: false, retryable: true, code: 'InternalError', message: 'boom' },
      {
        ok: false,
        retryable: false,
        code: 'InvalidParameter',
        message: 'too long',
      },
      expect.objectContaining({
        ok: false,
        retryable: true,
        code: 'NoBatchResult',
      }),
    ]);
    expect(sns).toReceiveCommandTimes(PublishBatchCommand, 1);
    const entries =
      sns.commandCalls(PublishBatchCommand)[0]?.args[0].input
        .PublishBatchRequestEntries ?? [];
    expect(new Set(entries.map((entry) => entry.Id)).size).toBe(4);
  });

  it('splits 25 messages for one topic into three calls', async () => {
    sns
      .on(PublishBatchCommand)
      .callsFake(async (input: PublishBatchCommandInput) => ({
        Successful: (input.PublishBatchRequestEntries ?? []).map((entry) => ({
          Id: entry.Id,
          MessageId: `id-${entry.Id}`,
        })),
        Failed: [],
      }));
    const results = await publisher.publish(
      Array.from({ length: 25 }, (_, n) => aMessage(n))
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(sns).toReceiveCommandTimes(PublishBatchCommand, 3);
  });

  it.each([
    ['Throttling', true],
    ['InternalError', true],
    ['KMSThrottlingException', true],
    ['InvalidParameter', false],
    ['NotFound', false],
    ['AuthorizationError', false],
    ['KMSAccessDeniedException', false],
  ])(
    'classifies a thrown %s as retryable=%s, calling SNS once',
    async (code, retryable) => {
      sns.on(PublishBatchCommand).rejects(snsError(code));
      const results = await publisher.publish([aMessage(1), aMessage(2)]);
      expect(results).toEqual([
        expect.objectContaining({ ok: false, code, retryable }),
        expect.objectContaining({ ok: false, code, retryable }),
      ]);
      expect(sns).toReceiveCommandTimes(PublishBatchCommand, 1);
    }
  );
});
