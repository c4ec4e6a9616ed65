import {
  type FetchFunction,
  IncomingWebhook,
  IncomingWebhookHTTPError,
  IncomingWebhookRequestError,
  type IncomingWebhookSendArguments,
} from '@slack/webhook';
import { classifyHttp, type PostResult } from './post-result.js';

/** Posts one message to one incoming webhook. Never throws; never reveals the URL. */
export type PostMessage = (
  message: IncomingWebhookSendArguments
) => Promise<PostResult>;

/** How long one request may take before it counts as unanswered. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** A network error's code (`ECONNREFUSED`, `UND_ERR_CONNECT_TIMEOUT`), never its message. */
const requestErrorCode = (error: IncomingWebhookRequestError): string => {
  const cause = (error.original as { cause?: { code?: unknown } }).cause;
  const code = cause?.code ?? error.original.name;
  return typeof code === 'string' && /^[A-Za-z0-9_]+$/.test(code)
    ? code
    : 'Error';
};

/**
 * Posts with Slack's `IncomingWebhook` (`@slack/webhook`), with its own
 * retries off: it does not retry 429s and keeps no `Retry-After`, so the
 * relay retries (`deliver.ts`). A fetch wrapper keeps the `Retry-After`
 * header of the answer for the 429 case.
 */
export const webhookPoster = (
  url: string,
  fetchFn: FetchFunction = globalThis.fetch
): PostMessage => {
  return async (message) => {
    let retryAfter: string | null = null;
    const webhook = new IncomingWebhook(url, {
      timeout: REQUEST_TIMEOUT_MS,
      retryConfig: { retries: 0 },
      fetch: async (target, init) => {
        const response = await fetchFn(target, init);
        retryAfter = response.headers.get('retry-after');
        return response;
      },
    });
    try {
      await webhook.send(message);
      return { kind: 'posted' };
    } catch (error) {
      if (error instanceof IncomingWebhookHTTPError) {
        return classifyHttp(error.statusCode, error.body, retryAfter);
      }
      if (error instanceof IncomingWebhookRequestError) {
        return {
          kind: 'transient',
          reason: `no answer (${requestErrorCode(error)})`,
        };
      }
      return { kind: 'transient', reason: 'unexpected error posting' };
    }
  };
};
