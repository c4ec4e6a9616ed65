import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  eventOfRecord,
  isSqsEvent,
  partialResponse,
} from '../../../src/handler/sqs-batch.js';

const record = (body: string, eventSource = 'aws:sqs') =>
  ({ messageId: 'm1', body, eventSource }) as SQSRecord;

describe('Handler: telling an SQS batch from an EventBridge event', () => {
  it.each([
    ['an SQS batch', { Records: [record('{}')] }, true],
    ['an empty Records list', { Records: [] }, false],
    [
      'records of another source',
      { Records: [record('{}', 'aws:sns')] },
      false,
    ],
    ['an EventBridge event', { source: 'aws.inspector2', detail: {} }, false],
    ['null', null, false],
  ])('%s', (_, event, expected) => {
    expect(isSqsEvent(event)).toBe(expected);
  });

  it('reads the EventBridge event from a body, and keeps a body that is not JSON as text', () => {
    expect(eventOfRecord(record('{"source":"aws.inspector2"}'))).toEqual({
      source: 'aws.inspector2',
    });
    expect(eventOfRecord(record('not json'))).toBe('not json');
  });

  it('answers with the failed records only', () => {
    expect(partialResponse(['a', 'b'])).toEqual({
      batchItemFailures: [{ itemIdentifier: 'a' }, { itemIdentifier: 'b' }],
    });
    expect(partialResponse([])).toEqual({ batchItemFailures: [] });
  });
});
