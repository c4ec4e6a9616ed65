import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../../src/publish/publisher.js';
import {
  createSqsHolder,
  queueUrlOf,
} from '../../../src/publish/sqs-holder.js';

const QUEUE = 'arn:aws:sqs:eu-central-1:123456789012:findings-notifier-buffer';

const chunk = (delaySeconds: number): OutgoingMessage => ({
  route: 'team',
  findingId: 'held:team@x/1',
  topicArn: QUEUE,
  subject: '',
  body: '{"source":"findings-notifier.held-digest"}',
  attributes: {},
  delaySeconds,
});

describe('SQS holder: held chunks back to the buffer queue', () => {
  it('derives the queue URL from its ARN, per partition', () => {
    expect(queueUrlOf(QUEUE)).toBe(
      'https://sqs.eu-central-1.amazonaws.com/123456789012/findings-notifier-buffer'
    );
    expect(queueUrlOf('arn:aws-cn:sqs:cn-north-1:123456789012:q')).toBe(
      'https://sqs.cn-north-1.amazonaws.com.cn/123456789012/q'
    );
    expect(() => queueUrlOf('arn:aws:sns:eu-central-1:1:t')).toThrow(
      'arn:aws:sns:eu-central-1:1:t is not an SQS queue ARN'
    );
  });

  it('sends each chunk with its delay and reports each result as it comes', async () => {
    const calls: unknown[] = [];
    const seen: number[] = [];
    const holder = createSqsHolder(async (request) => {
      calls.push(request);
      if (calls.length === 2)
        throw Object.assign(new Error('no queue'), {
          name: 'QueueDoesNotExist',
        });
      if (calls.length === 3)
        throw Object.assign(new Error('slow down'), {
          name: 'RequestThrottled',
        });
      return `msg-${calls.length}`;
    });

    const results = await holder.publish(
      [chunk(280), chunk(10), chunk(0)],
      async (index) => {
        seen.push(index);
      }
    );

    expect(calls[0]).toEqual({
      queueUrl:
        'https://sqs.eu-central-1.amazonaws.com/123456789012/findings-notifier-buffer',
      body: '{"source":"findings-notifier.held-digest"}',
      delaySeconds: 280,
    });
    expect(results).toEqual([
      { ok: true, messageId: 'msg-1' },
      {
        ok: false,
        retryable: false,
        code: 'QueueDoesNotExist',
        message: 'no queue',
      },
      {
        ok: false,
        retryable: true,
        code: 'RequestThrottled',
        message: 'slow down',
      },
    ]);
    expect(seen).toEqual([0, 1, 2]);
  });
});
