import { type PackedPart, type PackStyle, packDigest } from './digest-pack.js';
import {
  type DigestInput,
  type DigestItem,
  digestGroups,
  severityCounts,
} from './digest-view.js';
import type { RenderedMessage } from './formatter.js';

/** Which message of a split digest this is (1-based). */
export type DigestPosition = { readonly index: number; readonly count: number };

/** One format's digest: how its lines are written, and the message around them. */
export type DigestFormatter = {
  readonly style: (input: DigestInput) => PackStyle;
  readonly message: (
    input: DigestInput,
    part: PackedPart,
    position: DigestPosition
  ) => RenderedMessage;
};

/** The digest split into messages that each fit the format. */
export const splitDigest = (
  input: DigestInput,
  formatter: DigestFormatter
): PackedPart[] => packDigest(digestGroups(input), formatter.style(input));

/**
 * The same findings as `members` laid out by another format in one message
 * (the e-mail body of a per-protocol digest). Its limits are far larger
 * than the chat formats', so one message always holds them.
 */
export const sameFindingsIn = (
  input: DigestInput,
  members: readonly number[],
  formatter: DigestFormatter
): PackedPart => {
  const items = members.map((index) => input.items[index] as DigestItem);
  const parts = splitDigest({ ...input, items }, formatter);
  if (parts.length !== 1) {
    throw new Error(
      `digest ${input.id}: ${members.length} findings do not fit one ${parts.length}-part message of the other format`
    );
  }
  const [part] = parts as [PackedPart];
  return {
    lines: part.lines,
    members: part.members.map((index) => members[index] as number),
  };
};

/** "88 findings (80 MEDIUM, 8 LOW)". */
export const countText = (
  input: DigestInput,
  members: readonly number[]
): string =>
  `${findingsNoun(members.length)} (${severityCounts(input, members)})`;

/** "Digest 2/3: " for a split digest, "Digest: " otherwise. */
export const digestPrefix = ({ index, count }: DigestPosition): string =>
  count > 1 ? `Digest ${index}/${count}: ` : 'Digest: ';

export const findingsNoun = (count: number): string =>
  `${count} ${count === 1 ? 'finding' : 'findings'}`;
