/**
 * Escapes Slack mrkdwn control characters. Only `&`, `<` and `>` are
 * special; escaping them stops `<!channel>`, `<@U123>` and disguised
 * `<https://evil|AWS console>` links in untrusted finding text.
 */
export const escapeMrkdwn = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Cuts `text` to `max` characters, marking the cut with an ellipsis. */
export const truncate = (text: string, max: number): string => {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
};

const SUBJECT_MAX = 99;

/**
 * An SNS `Subject`: printable ASCII only, no line breaks, starting with a
 * letter, digit or punctuation, under 100 characters.
 */
export const snsSubject = (text: string): string => {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const safe = ascii === '' ? 'Security finding' : ascii;
  return safe.length <= SUBJECT_MAX
    ? safe
    : `${safe.slice(0, SUBJECT_MAX - 3).trimEnd()}...`;
};
