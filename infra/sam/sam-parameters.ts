import { someRouteAcknowledges } from '../../src/acknowledge/acknowledger.js';
import type { Config } from '../../src/config/config-schema.js';
import { unallowedTopicRegions } from '../../src/config/topic-regions.js';
import { servedKinds } from '../../src/routing/served-kinds.js';
import { relayRoutes } from '../../src/slack-relay/webhook-targets.js';
import { loadNotifierConfig, routeTopicArns } from '../notifier-config.js';

/**
 * The Slack relay's parameters: its one topic, the relayed route names and
 * the secrets' ARNs (a secret given by name is looked for in the topic's
 * account and region). The template relays one topic: more is refused.
 */
const relayParameters = (config: Config): Record<string, string> => {
  const routes = relayRoutes(config);
  if (routes.length === 0) return {};
  const topics = [
    ...new Set(
      config.routes.filter((route) => route.slack).map((r) => r.topicArn)
    ),
  ];
  const [topic] = topics;
  if (topics.length !== 1 || !topic) {
    throw new Error(
      `the SAM template relays one topic to Slack; the routes with slack.webhookSecret use ${topics.length} (${topics.join(', ')}): put them on one topic, or deploy with the CDK app`
    );
  }
  const [, partition, , region, account] = topic.split(':');
  const secretArn = (secret: string) =>
    secret.startsWith('arn:')
      ? secret
      : `arn:${partition}:secretsmanager:${region}:${account}:secret:${secret}-??????`;
  return {
    SlackRelayTopicArn: topic,
    SlackRelayRoutes: routes.map((route) => route.name).join(','),
    SlackWebhookSecretArns: [
      ...new Set(routes.map((route) => secretArn(route.webhookSecret))),
    ].join(','),
  };
};

/**
 * The SAM parameters a config needs (the template cannot read the config):
 * the routes' topic ARNs, whether some route acknowledges findings, and the
 * Slack relay's topic, routes and secrets when routes name a webhook
 * secret, and the item kinds routes ask for (rules of other kinds stay
 * disabled), and the Region of the topics the function publishes to
 * without `allowTopicRegions` (the template refuses to deploy elsewhere).
 */
export const samParameters = (configFile: string): Record<string, string> =>
  samParametersFor(loadNotifierConfig(configFile).config);

/** `samParameters` for a config already loaded. */
export const samParametersFor = (config: Config): Record<string, string> => {
  const served = servedKinds(config);
  return {
    TopicArns: routeTopicArns(config).join(','),
    AcknowledgeFindings: String(someRouteAcknowledges(config)),
    CoverageEvents: String(served.has('coverage')),
    ScanEvents: String(served.has('scan')),
    CustomActionEvents: String(served.has('custom-action')),
    // The Region the stack must deploy to: that of the topics
    // allowTopicRegions does not list (a template rule checks it).
    TopicRegion: unallowedTopicRegions(config)[0] ?? '',
    ...relayParameters(config),
  };
};
