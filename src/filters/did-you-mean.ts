/** Edit distance between two short strings (case-insensitive). */
const distance = (a: string, b: string): number => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, index) => index);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1)
      );
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
};

/** The closest known word, when it is close enough to be a likely typo. */
export const didYouMean = (
  word: string,
  known: readonly string[]
): string | undefined => {
  const threshold = Math.max(2, Math.floor(word.length / 3));
  let best: { word: string; score: number } | undefined;
  const lower = word.toLowerCase();
  for (const candidate of known) {
    const other = candidate.toLowerCase();
    // "minimum" → "min", "HIGHEST" → "HIGH": a shared prefix is a likely slip.
    const prefix = lower.startsWith(other) || other.startsWith(lower);
    const score = prefix ? 0.5 : distance(word, candidate);
    if (score <= threshold && (!best || score < best.score))
      best = { word: candidate, score };
  }
  return best?.word;
};
