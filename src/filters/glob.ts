/**
 * A glob matcher (`*` any run, `?` one character), case-insensitive by
 * default. User patterns never become regular expressions. The pattern is
 * split at `*` into segments that must appear in order: the first at the
 * start, the last at the end, each middle one at its leftmost place after
 * the one before (leftmost is always safe for `*`-separated segments). A
 * segment without `?` is found with `indexOf`; so matching reads the text a
 * bounded number of times per segment: linear in the text length for a
 * pattern of bounded length (config patterns are at most 256 characters,
 * `src/config/config-limits.ts`), with no backtracking over the text.
 */

type Matcher = (folded: readonly string[] | string) => boolean;

/** `?` matches one code point; a text with surrogates is matched by code point. */
const HAS_SURROGATE = /[\ud800-\udfff]/;

const segmentAt = (
  text: readonly string[] | string,
  segment: readonly string[],
  at: number
): boolean => {
  if (at + segment.length > text.length) return false;
  for (let i = 0; i < segment.length; i += 1) {
    const char = segment[i];
    if (char !== '?' && char !== text[at + i]) return false;
  }
  return true;
};

const find = (
  text: readonly string[] | string,
  segment: readonly string[],
  from: number
): number => {
  if (!segment.includes('?') && typeof text === 'string') {
    return text.indexOf(segment.join(''), from);
  }
  for (let at = from; at + segment.length <= text.length; at += 1) {
    if (segmentAt(text, segment, at)) return at;
  }
  return -1;
};

const compile = (pattern: readonly string[]): Matcher => {
  const segments: string[][] = [[]];
  for (const char of pattern) {
    if (char === '*') segments.push([]);
    else segments[segments.length - 1]?.push(char);
  }
  const [first = [], ...rest] = segments;
  const last = rest.pop();
  return (text) => {
    if (last === undefined) {
      return text.length === first.length && segmentAt(text, first, 0);
    }
    if (!segmentAt(text, first, 0)) return false;
    let at = first.length;
    for (const segment of rest) {
      const found = find(text, segment, at);
      if (found < 0) return false;
      at = found + segment.length;
    }
    return (
      text.length - last.length >= at &&
      segmentAt(text, last, text.length - last.length)
    );
  };
};

const foldWith =
  (caseSensitive: boolean | undefined) =>
  (value: string): readonly string[] | string => {
    const folded = caseSensitive ? value : value.toLowerCase();
    return HAS_SURROGATE.test(folded) ? Array.from(folded) : folded;
  };

export const globMatcher = (
  pattern: string,
  options: { readonly caseSensitive?: boolean } = {}
): ((text: string) => boolean) => {
  const fold = foldWith(options.caseSensitive);
  const matches = compile(Array.from(fold(pattern)));
  return (text) => matches(fold(text));
};

/** True when any pattern matches; the text is folded once for all of them. */
export const anyGlob = (
  patterns: readonly string[],
  options: { readonly caseSensitive?: boolean } = {}
) => {
  const fold = foldWith(options.caseSensitive);
  const matchers = patterns.map((pattern) =>
    compile(Array.from(fold(pattern)))
  );
  return (text: string) => {
    const folded = fold(text);
    return matchers.some((matches) => matches(folded));
  };
};
