/**
 * Finding text is untrusted: it comes from AWS services, but also from
 * third-party Security Hub providers and from whatever a package, tag or
 * file name says. Everything a format shows goes through these helpers.
 */

// C0/C1 controls (tab and newline are handled apart), zero-width and
// bidirectional formatting characters that can disguise text, BOM and the
// interlinear annotation characters.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

// A high surrogate not followed by a low one, or a low one not preceded by a
// high one: not encodable as UTF-8, SNS would reject or mangle it.
const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export type CleanOptions = {
  /** Keep line breaks (collapsed to at most one blank line). @default false */
  readonly multiline?: boolean;
};

/**
 * Strips control and invisible formatting characters and lone surrogates;
 * on one line unless `multiline`. Works on a bounded prefix of `text`, so a
 * 1 MB description costs no more than a short one.
 */
// Printable ASCII only: nothing to strip, only spaces to collapse.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

const clean = (text: string, limit: number, options: CleanOptions = {}) => {
  const cut = text.length > limit * 2 + 64;
  const bounded = cut ? text.slice(0, limit * 2 + 64) : text;
  if (PRINTABLE_ASCII.test(bounded)) {
    // The common case (titles, ids, most descriptions), without the
    // character-class passes below; same result.
    return { text: bounded.replace(/ {2,}/g, ' ').trim(), cut };
  }
  let result = bounded
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(INVISIBLE, '');
  result = options.multiline
    ? result
        .replace(/[^\S\n]+/g, ' ')
        .replace(/ ?\n ?/g, '\n')
        .replace(/\n{3,}/g, '\n\n')
    : result.replace(/\s+/g, ' ');
  return { text: result.trim(), cut };
};

/** Cuts `text` to `max` characters, marking the cut with an ellipsis. */
export const truncate = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const chars = Array.from(text.slice(0, max + 1));
  return chars.length <= max
    ? chars.join('')
    : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
};

/** Untrusted text as plain text: cleaned and at most `max` characters. */
export const plainText = (
  text: string,
  max: number,
  options: CleanOptions = {}
): string => {
  const cleaned = clean(text, max, options);
  return cleaned.cut && cleaned.text.length <= max
    ? truncate(`${cleaned.text}…`, max)
    : truncate(cleaned.text, max);
};

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

/**
 * Escapes Slack mrkdwn control characters. Only `&`, `<` and `>` are
 * special; escaping them stops `<!channel>`, `<@U123>` and disguised
 * `<https://evil|AWS console>` links in untrusted finding text. `@channel`,
 * `@here` and `@everyone` get a zero-width space after the `@`, so a
 * client that resolves bare names (`link_names`) cannot ping a channel.
 */
export const escapeMrkdwn = (text: string): string =>
  escapeEntities(neutralizeMentions(text));

const ENTITY_CHARS = /[&<>]/;

const escapeEntities = (text: string): string =>
  ENTITY_CHARS.test(text)
    ? text.replace(/[&<>]/g, (char) => ENTITIES[char] ?? char)
    : text;

const neutralizeMentions = (text: string): string =>
  text.includes('@')
    ? text.replace(/@(channel|here|everyone)/gi, '@\u200b$1')
    : text;

/**
 * Untrusted text for Slack mrkdwn / Chatbot client-markdown: cleaned,
 * escaped, and at most `max` characters *after* escaping, never cutting an
 * entity in half.
 */
export const mrkdwnText = (
  text: string,
  max: number,
  options: CleanOptions = {}
): string => {
  const cleaned = clean(text, max, options);
  const neutral = neutralizeMentions(cleaned.text);
  const escaped = escapeEntities(neutral);
  if (!cleaned.cut && escaped.length <= max) return escaped;
  let result = '';
  // Whole pieces only: an entity is never cut in half.
  for (const char of neutral) {
    const piece = ENTITIES[char] ?? char;
    if (result.length + piece.length > max - 1) break;
    result += piece;
  }
  return `${result}…`;
};

const SUBJECT_MAX = 99;

/**
 * An SNS `Subject`: printable ASCII only, no line breaks, starting with a
 * letter, digit or punctuation, under 100 characters.
 */
export const snsSubject = (text: string): string => {
  const ascii = text
    .slice(0, 1000)
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
