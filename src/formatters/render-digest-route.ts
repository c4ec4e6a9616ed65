import { DIGEST_FORMATTERS } from './digest-formatters.js';
import { sameFindingsIn, splitDigest } from './digest-render.js';
import { textDigest } from './digest-text.js';
import type { DigestInput } from './digest-view.js';
import type { RenderedMessage } from './formatter.js';
import { perProtocolBody, type RenderRoute } from './render-route.js';
import { publishBytes, SNS_MAX_BYTES } from './sns-size.js';

/** One message of a digest and the findings (indices into its items) it counts. */
export type DigestMessage = {
  readonly message: RenderedMessage;
  readonly members: readonly number[];
  readonly part: number;
  readonly parts: number;
};

/**
 * A digest in the route's format, split into as many messages as its
 * limits need. With `perProtocol`, each message's e-mail body holds exactly
 * the same findings as its chat body. Throws if a message would not fit
 * SNS (the formats' limits keep far below it).
 */
export const renderDigestForRoute = (
  route: RenderRoute,
  input: DigestInput,
  attributes: Readonly<Record<string, string>>
): DigestMessage[] => {
  const formatter = DIGEST_FORMATTERS[route.format];
  const parts = splitDigest(input, formatter);
  return parts.map((part, index) => {
    const position = { index: index + 1, count: parts.length };
    const machine = formatter.message(input, part, position);
    const message = route.perProtocol
      ? perProtocolBody(
          textDigest.message(
            input,
            sameFindingsIn(input, part.members, textDigest),
            position
          ),
          machine
        )
      : machine;
    const bytes = publishBytes(message, attributes);
    if (bytes > SNS_MAX_BYTES) {
      throw new Error(
        `digest ${input.id} part ${position.index}: ${bytes} bytes, over SNS's ${SNS_MAX_BYTES}`
      );
    }
    return {
      message,
      members: part.members,
      part: position.index,
      parts: parts.length,
    };
  });
};
