import type { Config } from '../config/config-schema.js';
import type { RelayTarget } from './relay.js';
import { type PostMessage, webhookPoster } from './webhook-poster.js';

/** Reads a secret's value (Secrets Manager), once per cold start. */
export type ReadSecret = (secretId: string) => Promise<string>;

/** The routes the relay serves: those with `slack` in the config. */
export const relayRoutes = (config: Config) =>
  config.routes.flatMap((route) =>
    route.slack
      ? [{ name: route.name, webhookSecret: route.slack.webhookSecret }]
      : []
  );

/** An incoming webhook URL: http(s), no user info. The value itself is never shown. */
const checkWebhookUrl = (value: string, secretId: string): string => {
  const trimmed = value.trim();
  let url: URL | undefined;
  try {
    url = new URL(trimmed);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    !['https:', 'http:'].includes(url.protocol) ||
    url.username !== '' ||
    url.password !== ''
  ) {
    throw new Error(
      `secret ${secretId}: its value must be the incoming webhook URL (https://hooks.slack.com/services/...) and nothing else`
    );
  }
  return trimmed;
};

/**
 * Reads each route's webhook secret once (routes sharing a secret read it
 * once) and builds its poster. Routes whose secrets hold the same URL
 * share a pacing channel. A secret that cannot be read or holds no URL
 * fails the cold start, naming the secret and never its value.
 */
export const loadWebhookTargets = async (
  config: Config,
  readSecret: ReadSecret,
  poster: (url: string) => PostMessage = webhookPoster
): Promise<Map<string, RelayTarget>> => {
  const routes = relayRoutes(config);
  const secretIds = [...new Set(routes.map((route) => route.webhookSecret))];
  const urls = new Map<string, string>();
  for (const secretId of secretIds) {
    let value: string;
    try {
      value = await readSecret(secretId);
    } catch (error) {
      throw new Error(
        `cannot read the Slack webhook secret ${secretId}: ${(error as Error).name}`,
        { cause: error }
      );
    }
    urls.set(secretId, checkWebhookUrl(value, secretId));
  }
  // One channel (and one poster) per distinct URL, named after its first secret.
  const byUrl = new Map<string, RelayTarget>();
  for (const [secretId, url] of urls) {
    if (!byUrl.has(url))
      byUrl.set(url, { channel: secretId, post: poster(url) });
  }
  return new Map(
    routes.map((route) => {
      const url = urls.get(route.webhookSecret) ?? '';
      return [route.name, byUrl.get(url) as RelayTarget];
    })
  );
};
