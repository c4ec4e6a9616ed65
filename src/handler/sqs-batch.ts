import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { EventReport } from '../pipeline/outcome.js';
import { hasRejections } from './rejected-event-error.js';

/** What one SQS batch came to: each record's report, and the records SQS must deliver again. */
export type BatchResult = {
  readonly reports: readonly {
    readonly id: string;
    readonly report: EventReport;
  }[];
  readonly failedIds: readonly string[];
};

/**
 * An SQS record as the event source mapping delivers it, holding `body` as
 * the queue received it at `sentAt` (epoch ms): what replay, the smoke
 * check, the bench and the tests hand the handler.
 */
export const sqsRecordOf = (
  messageId: string,
  body: string,
  sentAt = 0
): SQSRecord => ({
  messageId,
  receiptHandle: messageId,
  body,
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: String(sentAt),
    SenderId: 'events.amazonaws.com',
    ApproximateFirstReceiveTimestamp: String(sentAt),
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:findings-notifier-buffer',
  awsRegion: 'us-east-1',
});

/** An SQS batch from the event source mapping (buffered mode). */
export const isSqsEvent = (event: unknown): event is SQSEvent => {
  const records = (event as { Records?: unknown } | null)?.Records;
  return (
    Array.isArray(records) &&
    records.length > 0 &&
    records.every(
      (record) => (record as SQSRecord | null)?.eventSource === 'aws:sqs'
    )
  );
};

/**
 * The EventBridge event in a record's body (an EventBridge rule with an
 * SQS target sends the whole event as JSON). A body that is not JSON is
 * kept as text: the pipeline rejects it with a clear reason.
 */
export const eventOfRecord = (record: SQSRecord): unknown => {
  try {
    return JSON.parse(record.body);
  } catch {
    return record.body;
  }
};

/**
 * A record SQS must deliver again: a finding it carried was not announced
 * (its claim was released), or it was rejected, so after the queue's
 * receive count it lands in the dead-letter queue, whole and replayable.
 */
export const recordFailed = (report: EventReport): boolean =>
  report.findings.some((finding) => finding.outcome === 'failed') ||
  hasRejections(report);

/**
 * The partial batch response (`ReportBatchItemFailures`): the failed
 * records' message ids; the others are deleted from the queue.
 */
export const partialResponse = (
  failedIds: readonly string[]
): SQSBatchResponse => ({
  batchItemFailures: failedIds.map((itemIdentifier) => ({ itemIdentifier })),
});
