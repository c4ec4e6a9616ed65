import type { Cvss, ScoreSource } from './finding.js';

/**
 * The highest base score, CVSS v3.x preferred over v2 (v3 is what Inspector
 * and NVD band severities on). Other versions are kept on the finding but do
 * not score it.
 */
export const highestCvss = (
  cvss: readonly Cvss[]
): { score: number; source: ScoreSource } | undefined => {
  const best = (prefix: string) =>
    cvss
      .filter((entry) => entry.version.startsWith(prefix))
      .reduce<number | undefined>(
        (max, entry) =>
          max === undefined || entry.baseScore > max ? entry.baseScore : max,
        undefined
      );
  const v3 = best('3');
  if (v3 !== undefined) return { score: v3, source: 'cvss-v3' };
  const v2 = best('2');
  if (v2 !== undefined) return { score: v2, source: 'cvss-v2' };
  return undefined;
};
