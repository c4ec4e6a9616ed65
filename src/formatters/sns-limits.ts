/** SNS limit for one message, and for the sum of a `PublishBatch`: 256 KiB, in bytes. */
export const SNS_MAX_BYTES = 262_144;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * The bytes SNS counts for a message body and its message attributes: each
 * attribute's name, data type (`String` here) and value.
 */
export const messageBytes = (
  body: string,
  attributes: Readonly<Record<string, string>>
): number =>
  bytes(body) +
  Object.entries(attributes).reduce(
    (sum, [name, value]) => sum + bytes(name) + bytes('String') + bytes(value),
    0
  );
