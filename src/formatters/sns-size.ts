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

/**
 * At least `publishBytes`, without encoding: a UTF-16 unit is at most 3
 * UTF-8 bytes (a surrogate pair, 2 units, is 4 bytes).
 */
const bytesAtMost = (
  message: RenderedMessage,
  attributes: Readonly<Record<string, string>>
): number => {
  let units = message.subject.length + message.body.length;
  for (const name in attributes)
    units += name.length + 'String'.length + (attributes[name]?.length ?? 0);
  return units * 3;
};

/** Whether the publish fits `maxBytes`; most messages are far under it. */
const fits = (
  message: RenderedMessage,
  attributes: Readonly<Record<string, string>>,
  maxBytes: number
): boolean =>
  bytesAtMost(message, attributes) <= maxBytes ||
  publishBytes(message, attributes) <= maxBytes;

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
    if (fits(message, attributes, maxBytes)) return message;
  }
  throw new Error(
    `message does not fit SNS's ${maxBytes} bytes even at the minimal detail level (${message ? publishBytes(message, attributes) : 0} bytes)`
  );
};
