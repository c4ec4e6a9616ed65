import { advisoryUrl } from './advisory-links.js';
import type { Fact, Line, ListSection, Segment } from './view.js';

/** The facts and lists of one finding kind. */
export type KindFacts = { facts: Fact[]; sections: ListSection[] };

/** A line of plain (untrusted) text. */
export const text = (value: string): Line => [{ text: value }];
/** A labelled fact; the value as text or as a line with links. */
export const fact = (label: string, value: string | Line): Fact => ({
  label,
  value: typeof value === 'string' ? text(value) : value,
});

/** A vulnerability or weakness id, linked to its advisory when known. */
export const linkedId = (id: string, sourceUrl?: string): Segment => {
  const url = advisoryUrl(id, sourceUrl);
  return url ? { text: id, url } : { text: id };
};
