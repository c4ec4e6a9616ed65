import { digestThreadId, mrkdwnDigestStyle } from './digest-chatbot.js';
import { type DigestFormatter, digestPrefix } from './digest-render.js';
import { digestHeadline } from './digest-view.js';
import { SLACK_LIMITS } from './slack.js';
import { mrkdwnText, snsSubject } from './text-safety.js';

/**
 * Characters of group lines per Slack digest. Lines (each under 2,900) are
 * packed into sections of at most 2,900, so this makes at most 15 sections:
 * with the header, the headline and the context, far below 50 blocks.
 */
const SLACK_DIGEST_CHARS = 20_000;
const SECTION_MAX = 2_900;

const sections = (lines: readonly string[]): string[] => {
  const result: string[] = [];
  let current = '';
  for (const line of lines) {
    const joined = current === '' ? line : `${current}\n${line}`;
    if (joined.length > SECTION_MAX && current !== '') {
      result.push(current);
      current = line;
    } else current = joined;
  }
  if (current !== '') result.push(current);
  return result;
};

/** A digest as a Slack Block Kit message: header, headline, group sections, context. */
export const slackDigest: DigestFormatter = {
  style: (input) => mrkdwnDigestStyle(input, SLACK_DIGEST_CHARS),
  message: (input, part, position) => {
    const headline = digestHeadline(input, part.members);
    const title = `${digestPrefix(position)}${headline}`;
    const blocks = [
      {
        type: 'header',
        text: {
          type: 'plain_text',
          text: mrkdwnText(title, SLACK_LIMITS.header),
          emoji: true,
        },
      },
      ...sections(part.lines).map((text) => ({
        type: 'section',
        text: { type: 'mrkdwn', text },
      })),
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `${mrkdwnText(input.route, 64)} · digest \`${mrkdwnText(digestThreadId(input), 64)}\` · part ${position.index} of ${position.count}`,
          },
        ],
      },
    ];
    return {
      subject: snsSubject(title),
      body: JSON.stringify({
        text: mrkdwnText(title, SLACK_LIMITS.fallbackText),
        blocks,
      }),
    };
  },
};
