import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../src/slack-relay/clock.js';
import { blockKitProblems } from './block-kit-limits.js';

/** An answer the test scripts instead of the normal one. */
export type Scripted =
  | { readonly status: 429; readonly retryAfter: string }
  | {
      readonly status: 400 | 403 | 404 | 410 | 500 | 503;
      readonly body: string;
    };

/** One request as the fake saw it. */
export type SlackRequest = {
  readonly channel: string;
  /** On the shared clock (ms). */
  readonly at: number;
  /** The n-th request to this channel, from 0. */
  readonly index: number;
  readonly status: number;
  readonly answer: string;
  readonly body: unknown;
  /** Set when the fake itself answered 429 for a too-fast request (not scripted). */
  readonly tooFast?: true;
};

export type FakeSlackOptions = {
  readonly clock: Clock;
  /**
   * Requests to one channel closer together than this get 429 with
   * `Retry-After: 1`, as Slack answers a channel posted to faster than about
   * once a second. Measured from the arrival of the previous request, which
   * is before Slack's answer: a relay that waits 1 s after each answer is
   * never too fast here, whatever the network or event-loop delays.
   */
  readonly minIntervalMs?: number;
  /** Scripted answers, by channel and the request's index on it. */
  readonly script?: (request: {
    channel: string;
    index: number;
  }) => Scripted | undefined;
};

export type FakeSlack = {
  /** A new incoming webhook URL for a channel; its last segment is a secret token. */
  webhook(channel: string): string;
  readonly requests: readonly SlackRequest[];
  /** Bodies Slack accepted, per channel, in order. */
  posted(channel: string): SlackRequest[];
  stop(): Promise<void>;
};

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * A local Slack incoming-webhook server on 127.0.0.1 following Slack's
 * documented behaviour: 200 `ok`; 400 `invalid_payload` for a body that is
 * not JSON, 400 `invalid_blocks` for a message breaking a Block Kit limit;
 * 404 `no_service` for an unknown webhook; 429 with `Retry-After` for a
 * channel posted to too fast; and whatever the script says.
 */
export const startFakeSlack = async (
  options: FakeSlackOptions
): Promise<FakeSlack> => {
  const minIntervalMs = options.minIntervalMs ?? 1_000;
  const channels = new Map<string, string>();
  const requests: SlackRequest[] = [];
  const last = new Map<string, number>();
  const counts = new Map<string, number>();

  const server = createServer(async (request, response) => {
    // Arrival: when the request's headers are in, before its body is read.
    const at = options.clock.now();
    const text = await readBody(request);
    const token = request.url?.split('/').at(-1) ?? '';
    const channel = channels.get(token);
    const answer = (
      status: number,
      body: string,
      extra: Partial<SlackRequest> = {},
      headers = {}
    ) => {
      if (channel !== undefined) {
        const index = counts.get(channel) ?? 0;
        counts.set(channel, index + 1);
        requests.push({
          channel,
          at,
          index,
          status,
          answer: body,
          body: parse(text),
          ...extra,
        });
      }
      response.writeHead(status, { 'content-type': 'text/plain', ...headers });
      response.end(body);
    };
    if (request.method !== 'POST' || channel === undefined)
      return answer(404, 'no_service');
    const previous = last.get(channel);
    last.set(channel, at);
    const scripted = options.script?.({
      channel,
      index: counts.get(channel) ?? 0,
    });
    if (scripted?.status === 429) {
      return answer(
        429,
        'rate_limited',
        {},
        { 'retry-after': scripted.retryAfter }
      );
    }
    if (scripted) return answer(scripted.status, scripted.body);
    if (previous !== undefined && at - previous < minIntervalMs) {
      return answer(
        429,
        'rate_limited',
        { tooFast: true },
        { 'retry-after': '1' }
      );
    }
    const body = parse(text);
    if (body === undefined) return answer(400, 'invalid_payload');
    if (blockKitProblems(body).length > 0) return answer(400, 'invalid_blocks');
    return answer(200, 'ok');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    webhook: (channel) => {
      const token = randomBytes(12).toString('hex');
      channels.set(token, channel);
      return `http://127.0.0.1:${port}/services/TFAKE0001/BFAKE0001/${token}`;
    },
    requests,
    posted: (channel) =>
      requests.filter(
        (request) => request.channel === channel && request.status === 200
      ),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
