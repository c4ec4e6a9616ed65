import type { Budget, RenderedMessage } from './render.js';

/** SNS `Publish` limit for a standard topic: 256 KiB, in bytes. */
export const SNS_MAX_BYTES = 262_144;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * What SNS counts against the 256 KiB limit: the message, the subject and
 * every message attribute's name, type and value (all `String` here).
 */
export const publishBytes = (
  message: RenderedMessage,
  attributes: Readonly<Record<string, string>>
): number =>
  bytes(message.body) +
  bytes(message.subject) +
  Object.entries(attributes).reduce(
    (sum, [name, value]) => sum + bytes(name) + bytes('String') + bytes(value),
    0
  );

const BUDGETS: readonly Budget[] = ['full', 'compact', 'minimal'];

/**
 * Renders with the largest budget whose publish fits `maxBytes`. Formatters
 * cap every piece of finding text, so `full` fits for any finding in
 * practice; `compact` and `minimal` are the safety net.
 */
export const fitSns = (
  render: (budget: Budget) => RenderedMessage,
  attributes: Readonly<Record<string, string>>,
  maxBytes = SNS_MAX_BYTES
): RenderedMessage => {
  let message: RenderedMessage | undefined;
  for (const budget of BUDGETS) {
    message = render(budget);
    if (publishBytes(message, attributes) <= maxBytes) return message;
  }
  throw new Error(
    `message does not fit SNS's ${maxBytes} bytes even at the minimal budget (${message ? publishBytes(message, attributes) : 0} bytes)`
  );
};
