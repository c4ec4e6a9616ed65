import { mrkdwnText, plainText } from './text-safety.js';
import type { Line } from './view.js';

/** Keeps the spaces around a segment that cleaning trims. */
const spaced = (raw: string, rendered: string): string =>
  `${/^\s/.test(raw) ? ' ' : ''}${rendered}${/\s$/.test(raw) && rendered !== '' ? ' ' : ''}`;

/** No single value (a package name, a path) takes more than this. */
const SEGMENT_MAX = 300;

/**
 * A line as Slack mrkdwn / Chatbot client-markdown, at most `max`
 * characters. Finding text is escaped; links are `<url|text>` with a
 * validated URL; code is a code span (backticks in the text become `'`, as
 * mrkdwn cannot escape them). Over `max`, links and code are dropped and the
 * escaped text is cut.
 */
export const mrkdwnLine = (line: Line, max: number): string => {
  const rendered = line
    .map((segment) => {
      const text = mrkdwnText(segment.text, SEGMENT_MAX);
      if (segment.url) return spaced(segment.text, `<${segment.url}|${text}>`);
      return spaced(
        segment.text,
        segment.code && text !== '' ? `\`${text.replace(/`/g, "'")}\`` : text
      );
    })
    .join('');
  return rendered.length <= max
    ? rendered
    : mrkdwnText(line.map((segment) => segment.text).join(''), max);
};

/** A line as plain text (links shown after their text), at most `max` characters. */
export const plainLine = (line: Line, max: number): string =>
  plainText(
    line
      .map((segment) =>
        spaced(
          segment.text,
          segment.url
            ? `${plainText(segment.text, SEGMENT_MAX)} (${segment.url})`
            : plainText(segment.text, SEGMENT_MAX)
        )
      )
      .join(''),
    max
  );
