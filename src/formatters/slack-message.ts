import type { KnownBlock } from '@slack/types';

/**
 * A Block Kit message as the `slack` format publishes it: what a Slack
 * incoming webhook or `chat.postMessage` takes (`text` is the notification
 * and screen-reader fallback). Typed with Slack's own `@slack/types`, so a
 * block Slack's types reject does not compile.
 */
export type SlackMessage = {
  readonly text: string;
  readonly blocks: KnownBlock[];
};
