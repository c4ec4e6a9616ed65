/**
 * What one post to Slack came to. Never holds the webhook URL: errors name
 * the HTTP status and Slack's error string only.
 */
export type PostResult =
  | { readonly kind: 'posted' }
  /** HTTP 429: wait `retryAfterMs`, then post again. */
  | { readonly kind: 'rate-limited'; readonly retryAfterMs: number }
  /** 5xx or no answer: posting again later may succeed. */
  | { readonly kind: 'transient'; readonly reason: string }
  /**
   * Slack refused the message or the webhook for good (`invalid_blocks`,
   * `invalid_payload`, `channel_not_found`, `channel_is_archived`,
   * `action_prohibited`, `no_service`, `invalid_token`, ...): posting again
   * cannot help.
   */
  | { readonly kind: 'permanent'; readonly reason: string };

/** Used when a 429 carries no usable `Retry-After`. */
export const DEFAULT_RETRY_AFTER_MS = 1_000;

/** `Retry-After` in seconds (Slack sends whole seconds) → ms. */
export const retryAfterMs = (header: string | null | undefined): number => {
  const seconds = Number(header);
  return header && Number.isFinite(seconds) && seconds >= 0
    ? Math.ceil(seconds * 1000)
    : DEFAULT_RETRY_AFTER_MS;
};

/** Slack's error strings are short identifiers; anything else is cut. */
const slackError = (body: string): string => {
  const text = body.trim().slice(0, 100);
  return /^[a-z0-9_]+$/.test(text) ? text : 'unexpected response';
};

/**
 * Classifies an HTTP answer of an incoming webhook: 2xx posted, 429
 * rate-limited, 5xx transient, every other status permanent (Slack answers
 * 400 `invalid_payload` / `invalid_blocks`, 403 `action_prohibited` /
 * `invalid_token`, 404 `channel_not_found` / `no_service` (a revoked
 * webhook), 410 `channel_is_archived`).
 */
export const classifyHttp = (
  status: number,
  body: string,
  retryAfter: string | null | undefined
): PostResult => {
  if (status >= 200 && status < 300) return { kind: 'posted' };
  if (status === 429)
    return { kind: 'rate-limited', retryAfterMs: retryAfterMs(retryAfter) };
  const reason = `HTTP ${status} ${slackError(body)}`;
  return status >= 500
    ? { kind: 'transient', reason }
    : { kind: 'permanent', reason };
};
