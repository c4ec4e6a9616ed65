/**
 * A glob matcher (`*` any run, `?` one character), case-insensitive by
 * default. Matching is a two-pointer scan with one backtrack point, linear
 * in practice and at worst O(text × pattern): user patterns never become
 * regular expressions, so no pattern can make matching run away.
 */
export const globMatcher = (
  pattern: string,
  options: { readonly caseSensitive?: boolean } = {}
): ((text: string) => boolean) => {
  const fold = (value: string) =>
    options.caseSensitive ? value : value.toLowerCase();
  const p = Array.from(fold(pattern));
  if (!p.includes('*') && !p.includes('?')) {
    const literal = p.join('');
    return (text) => fold(text) === literal;
  }
  return (input) => {
    const t = Array.from(fold(input));
    let ti = 0;
    let pi = 0;
    let starPi = -1;
    let starTi = 0;
    while (ti < t.length) {
      if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
        ti++;
        pi++;
      } else if (pi < p.length && p[pi] === '*') {
        starPi = pi++;
        starTi = ti;
      } else if (starPi >= 0) {
        pi = starPi + 1;
        ti = ++starTi;
      } else return false;
    }
    while (pi < p.length && p[pi] === '*') pi++;
    return pi === p.length;
  };
};

/** True when any pattern matches. */
export const anyGlob = (
  patterns: readonly string[],
  options?: { caseSensitive?: boolean }
) => {
  const matchers = patterns.map((pattern) => globMatcher(pattern, options));
  return (text: string) => matchers.some((matches) => matches(text));
};
