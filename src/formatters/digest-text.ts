import {
  countText,
  type DigestFormatter,
  digestPrefix,
  findingsNoun,
} from './digest-render.js';
import {
  type DigestItem,
  digestHeadline,
  groupWhere,
  namedWithAccount,
  resourceLabel,
  severitySpan,
} from './digest-view.js';
import { plainText, snsSubject } from './text-safety.js';

/** Characters of group lines per e-mail digest. */
const TEXT_DIGEST_CHARS = 60_000;
const LINE_MAX = 2_000;
const LABEL_MAX = 150;
const NAME_MAX = 512;

/** A digest as plain text for e-mail: headline, groups, where it came from. */
export const textDigest: DigestFormatter = {
  style: (input) => {
    const withAccount = namedWithAccount(input);
    return {
      maxChars: TEXT_DIGEST_CHARS,
      maxLine: LINE_MAX,
      head: (group, count, more) =>
        `${plainText(group.label, LABEL_MAX)}${more ? ' (continued)' : ''} [${severitySpan(group)}] - ${findingsNoun(count)}${groupWhere(input, group)}:`,
      name: (index, max) =>
        plainText(
          resourceLabel(
            (input.items[index] as DigestItem).finding,
            withAccount(index)
          ),
          Math.min(max, NAME_MAX)
        ),
      summary: (group) =>
        `- ${plainText(group.label, LABEL_MAX)} [${severitySpan(group)}] - ${findingsNoun(group.counted.length)}${groupWhere(input, group)}`,
      overflow: (groups, members) =>
        `and ${groups} more ${groups === 1 ? 'group' : 'groups'} not listed: ${countText(input, members)}`,
      counted: (count) =>
        `+${count} below ${input.nameFrom}, counted in this message`,
    };
  },
  message: (input, part, position) => {
    const headline = digestHeadline(input, part.members);
    const title = `${digestPrefix(position)}${headline}`;
    return {
      subject: snsSubject(title),
      body: [
        title,
        '',
        ...part.lines,
        '',
        `Route ${plainText(input.route, 64)} - digest ${plainText(input.id, 128)}, part ${position.index} of ${position.count}`,
      ].join('\n'),
    };
  },
};
