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

/** Publishes messages; one result per message, in order. Never throws for a message's failure. */
export interface Publisher {
  publish(
    messages: readonly OutgoingMessage[]
  ): Promise<readonly PublishResult[]>;
}
