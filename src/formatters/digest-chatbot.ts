import { createHash } from 'node:crypto';
import type { PackStyle } from './digest-pack.js';
import {
  countText,
  type DigestFormatter,
  digestPrefix,
  findingsNoun,
} from './digest-render.js';
import {
  type DigestInput,
  type DigestItem,
  digestHeadline,
  groupWhere,
  namedWithAccount,
  resourceLabel,
  severitySpan,
  topSeverity,
} from './digest-view.js';
import { SEVERITY_EMOJI } from './severity-emoji.js';
import { mrkdwnText, snsSubject } from './text-safety.js';

/** Chatbot renders the description as one Slack section: under 3,000. */
const DESCRIPTION_MAX = 2_900;
const TITLE_MAX = 250;
/** A group's label (a finding title) is cut here; resource names never are. */
export const GROUP_LABEL_MAX = 80;
/** Only a pathological resource name (a 2 KB ARN) is ever cut. */
export const NAME_MAX = 512;

/** The mrkdwn lines Chatbot and Slack digests share, in `maxChars` per message. */
export const mrkdwnDigestStyle = (
  input: DigestInput,
  maxChars: number
): PackStyle => {
  const withAccount = namedWithAccount(input);
  const label = (text: string) => mrkdwnText(text, GROUP_LABEL_MAX);
  return {
    maxChars,
    maxLine: DESCRIPTION_MAX,
    head: (group, count, more) =>
      `${SEVERITY_EMOJI[group.top]} *${label(group.label)}*${more ? ' (continued)' : ''} · ${severitySpan(group)} · ${findingsNoun(count)}${groupWhere(input, group)}:`,
    name: (index, max) =>
      mrkdwnText(
        resourceLabel(
          (input.items[index] as DigestItem).finding,
          withAccount(index)
        ),
        Math.min(max, NAME_MAX)
      ),
    summary: (group) =>
      `• ${label(group.label)} · ${severitySpan(group)} · ${findingsNoun(group.counted.length)}${groupWhere(input, group)}`,
    overflow: (groups, members) =>
      `_and ${groups} more ${groups === 1 ? 'group' : 'groups'} not listed: ${countText(input, members)}_`,
    counted: (count) =>
      `_+${count} below ${input.nameFrom}, counted in this message_`,
  };
};

export const digestThreadId = (input: DigestInput): string =>
  `digest-${createHash('sha256').update(`${input.route}\n${input.id}`).digest('hex').slice(0, 32)}`;

/**
 * A digest as an AWS Chatbot custom notification: the headline as title,
 * the groups in the description (at most 2,900 characters; a longer digest
 * is split into several notifications, never cut).
 */
export const chatbotDigest: DigestFormatter = {
  style: (input) => mrkdwnDigestStyle(input, DESCRIPTION_MAX),
  message: (input, part, position) => {
    const headline = digestHeadline(input, part.members);
    const top = topSeverity(input, part.members);
    const notification = {
      version: '1.0',
      source: 'custom',
      content: {
        textType: 'client-markdown',
        title: mrkdwnText(
          `${SEVERITY_EMOJI[top]} ${digestPrefix(position)}${headline}`,
          TITLE_MAX
        ),
        description: part.lines.join('\n'),
        keywords: ['digest', input.variant, mrkdwnText(input.route, 50)],
      },
      metadata: {
        threadId: digestThreadId(input),
        summary: mrkdwnText(`${digestPrefix(position)}${headline}`, 250),
        eventType: `digest.${input.variant}`,
        additionalContext: {
          route: mrkdwnText(input.route, 64),
          digestId: mrkdwnText(input.id, 128),
          part: `${position.index}/${position.count}`,
          findings: String(part.members.length),
        },
      },
    };
    return {
      subject: snsSubject(`${digestPrefix(position)}${headline}`),
      body: JSON.stringify(notification),
    };
  },
};
