import { SNSClient } from '@aws-sdk/client-sns';
import { topicRegionOf } from '../config/topic-regions.js';
import { SNS_CLIENT_OPTIONS } from './sns-client-options.js';

/** The SNS client that publishes to one topic. */
export type SnsClientForTopic = (topicArn: string) => SNSClient;

/**
 * One SNS client per Region, keyed by the topic ARN's Region and created
 * the first time a topic there is published to: SNS only accepts a
 * `Publish` to a topic in the Region of the endpoint it is sent to, and
 * `allowTopicRegions` lets route topics be outside the function's Region.
 * `create` builds a client for a Region (with `SNS_CLIENT_OPTIONS`).
 */
export const regionalSnsClients = (
  create: (region: string) => SNSClient
): SnsClientForTopic => {
  const clients = new Map<string, SNSClient>();
  return (topicArn) => {
    const region = topicRegionOf(topicArn);
    let client = clients.get(region);
    if (!client) {
      client = create(region);
      clients.set(region, client);
    }
    return client;
  };
};

/**
 * The function's SNS clients (`SNS_CLIENT_OPTIONS`, one per Region), those
 * of `topicArns` created now: construction belongs in the init phase, which
 * runs unthrottled, not in the first invocation.
 */
export const snsClientsFor = (
  topicArns: readonly string[]
): SnsClientForTopic => {
  const clientFor = regionalSnsClients(
    (region) => new SNSClient({ ...SNS_CLIENT_OPTIONS, region })
  );
  for (const topicArn of topicArns) clientFor(topicArn);
  return clientFor;
};
