/** One message for SNS, with what identifies it in outcomes and logs. */
export type OutgoingMessage = {
  readonly route: string;
  readonly findingId: string;
  readonly topicArn: string;
  readonly subject: string;
  readonly body: string;
  readonly structure?: 'json';
  /** SNS message attributes (String type), for subscription filter policies. */
  readonly attributes: Readonly<Record<string, string>>;
  /**
   * Buffered mode: not for SNS but for the function's own queue (`topicArn`
   * is the queue's ARN), delivered after this many seconds: findings held
   * for their burst's digest.
   */
  readonly delaySeconds?: number;
};

export type PublishResult =
  | { readonly ok: true; readonly messageId: string }
  | {
      readonly ok: false;
      /** True when trying again later may succeed (throttling, 5xx, network). */
      readonly retryable: boolean;
      readonly code: string;
      readonly message: string;
    };

/** Told each message's result as soon as it is known. */
export type OnPublishResult = (
  index: number,
  result: PublishResult
) => Promise<void>;

/**
 * Publishes messages; one result per message, in order. Never throws for a
 * message's failure. When given `onResult`, awaits it for each message as
 * soon as that message's call has returned, before sending the next call:
 * a caller that records each success there has recorded everything that
 * went out, whatever happens to the calls after it (a timeout).
 */
export interface Publisher {
  publish(
    messages: readonly OutgoingMessage[],
    onResult?: OnPublishResult
  ): Promise<readonly PublishResult[]>;
}
