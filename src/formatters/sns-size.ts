import type { DetailLevel, RenderedMessage } from './formatter.js';
import { messageBytes, SNS_MAX_BYTES } from './sns-limits.js';

export { SNS_MAX_BYTES };

/** What SNS counts against the 256 KiB limit: the subject too. */
export const publishBytes = (
  message: RenderedMessage,
  attributes: Readonly<Record<string, string>>
): number =>
  Buffer.byteLength(message.subject, 'utf8') +
  messageBytes(message.body, attributes);

const DETAIL_LEVELS: readonly DetailLevel[] = ['full', 'compact', 'minimal'];

/**
 * Renders with the most detail whose publish fits `maxBytes`. Formatters
 * cap every piece of finding text, so `full` fits for any finding in
 * practice; `compact` and `minimal` are the safety net.
 */
export const fitSns = (
  render: (detail: DetailLevel) => RenderedMessage,
  attributes: Readonly<Record<string, string>>,
  maxBytes = SNS_MAX_BYTES
): RenderedMessage => {
  let message: RenderedMessage | undefined;
  for (const detail of DETAIL_LEVELS) {
    message = render(detail);
    if (publishBytes(message, attributes) <= maxBytes) return message;
  }
  throw new Error(
    `message does not fit SNS's ${maxBytes} bytes even at the minimal detail level (${message ? publishBytes(message, attributes) : 0} bytes)`
  );
};
