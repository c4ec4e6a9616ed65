import { describe, expect, it } from 'vitest';
import { anyGlob, globMatcher } from '../../../src/filters/glob.js';

describe('Function: globMatcher', () => {
  it.each([
    { pattern: 'CVE-2024-*', text: 'CVE-2024-6387', matches: true },
    { pattern: 'CVE-2024-*', text: 'CVE-2023-6387', matches: false },
    { pattern: 'GHSA-*', text: 'ghsa-xvch-5gv4-984h', matches: true },
    { pattern: 'prod-?', text: 'prod-1', matches: true },
    { pattern: 'prod-?', text: 'prod-12', matches: false },
    {
      pattern: '*openssl*',
      text: 'CVE-2024-6119 - libssl3t64, openssl',
      matches: true,
    },
    { pattern: 'a*b*c', text: 'axxbyyc', matches: true },
    { pattern: 'a*b*c', text: 'axxbyy', matches: false },
    { pattern: '*', text: '', matches: true },
    { pattern: 'exact', text: 'EXACT', matches: true },
    { pattern: 'a.c', text: 'abc', matches: false },
    { pattern: '[x]', text: '[x]', matches: true },
  ])(
    'matches "$text" against "$pattern": $matches',
    ({ pattern, text, matches }) => {
      // Act & Assess
      expect(globMatcher(pattern)(text)).toBe(matches);
    }
  );

  it('compares case-sensitively when asked', () => {
    // Act & Assess
    expect(globMatcher('Prod*', { caseSensitive: true })('prod-1')).toBe(false);
    expect(globMatcher('Prod*', { caseSensitive: true })('Prod-1')).toBe(true);
  });

  it('treats regular-expression syntax as literal text', () => {
    // Act & Assess
    expect(globMatcher('(a+)+$')('(a+)+$')).toBe(true);
    expect(globMatcher('(a+)+$')('aaaa')).toBe(false);
  });

  it('answers a pathological pattern on a long text', () => {
    // Prepare: the shape that makes backtracking regular expressions explode.
    const pattern = `${'*a'.repeat(20)}*b`;
    const text = 'a'.repeat(5_000);

    // Act & Assess
    expect(globMatcher(pattern)(text)).toBe(false);
  });
});

describe('Function: anyGlob', () => {
  it('matches when any pattern matches', () => {
    // Prepare
    const matches = anyGlob(['CVE-*', 'GHSA-*']);

    // Act & Assess
    expect(matches('GHSA-abcd')).toBe(true);
    expect(matches('USN-6940-1')).toBe(false);
  });
});
