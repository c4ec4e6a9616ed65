import { advisoryPage, advisoryUrl } from './advisory-links.js';
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

/**
 * A vulnerability or weakness id, linked to its advisory. The id is link
 * text only where it cannot mislead: an id of a known shape linked to the
 * page we build for it, or the id a known advisory page (`sourceUrl`) names.
 * Any other id is plain text, and a known advisory page for it is linked
 * with the URL itself as text: finding text never disguises a link.
 */
export const linkedId = (id: string, sourceUrl?: string): Segment[] => {
  const url = advisoryUrl(id);
  if (url) return [{ text: id, url }];
  const page = advisoryPage(sourceUrl);
  if (!page) return [{ text: id }];
  return page.id === id
    ? [{ text: id, url: page.url }]
    : [{ text: `${id} ` }, { text: page.url, url: page.url }];
};
