import { safeHttpsUrl } from './safe-url.js';

/** Advisory pages we link by id, after the id's documented shape. */
const BY_ID: readonly [RegExp, (id: string) => string][] = [
  [/^CVE-\d{4}-\d{4,7}$/, (id) => `https://nvd.nist.gov/vuln/detail/${id}`],
  [
    /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/,
    (id) => `https://github.com/advisories/${id}`,
  ],
  [/^ALAS-\d{4}-\d{1,6}$/, (id) => `https://alas.aws.amazon.com/${id}.html`],
  [
    /^ALAS2-\d{4}-\d{1,6}$/,
    (id) =>
      `https://alas.aws.amazon.com/AL2/${id.replace('ALAS2', 'ALAS')}.html`,
  ],
  [
    /^ALAS2023-\d{4}-\d{1,6}$/,
    (id) =>
      `https://alas.aws.amazon.com/AL2023/${id.replace('ALAS2023', 'ALAS')}.html`,
  ],
  [
    /^USN-\d{1,6}-\d{1,3}$/,
    (id) => `https://ubuntu.com/security/notices/${id}`,
  ],
  [
    /^CWE-\d{1,5}$/,
    (id) => `https://cwe.mitre.org/data/definitions/${id.slice(4)}.html`,
  ],
];

/**
 * Advisory pages a finding's own `sourceUrl` may be linked to: one exact
 * host and path shape each, capturing the id the page is about. No
 * user-content host (gist, raw, repository pages, bug trackers, mailing
 * lists, other subdomains) is here: their pages say whatever anyone wrote.
 */
const ADVISORY_PAGES: readonly RegExp[] = [
  /^https:\/\/nvd\.nist\.gov\/vuln\/detail\/(CVE-\d{4}-\d{4,7})$/,
  /^https:\/\/(?:www\.)?cve\.org\/CVERecord\?id=(CVE-\d{4}-\d{4,7})$/,
  /^https:\/\/github\.com\/advisories\/(GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})$/,
  /^https:\/\/alas\.aws\.amazon\.com\/(?:AL2\/|AL2023\/)?(ALAS-\d{4}-\d{1,6})\.html$/,
  /^https:\/\/ubuntu\.com\/security\/(?:notices\/)?((?:CVE-\d{4}-\d{4,7})|USN-\d{1,6}-\d{1,3})$/,
  /^https:\/\/people\.canonical\.com\/~ubuntu-security\/cve\/\d{4}\/(CVE-\d{4}-\d{4,7})\.html$/,
  /^https:\/\/security-tracker\.debian\.org\/tracker\/((?:CVE-\d{4}-\d{4,7})|(?:DSA|DLA)-\d{1,6}(?:-\d{1,3})?)$/,
  /^https:\/\/access\.redhat\.com\/(?:security\/cve\/(CVE-\d{4}-\d{4,7})|errata\/(RH[SBE]A-\d{4}:\d{1,6}))$/,
  /^https:\/\/msrc\.microsoft\.com\/update-guide\/vulnerability\/(CVE-\d{4}-\d{4,7})$/,
  /^https:\/\/osv\.dev\/vulnerability\/([A-Z][A-Z0-9]{1,15}-[A-Za-z0-9-]{1,40})$/,
  /^https:\/\/www\.suse\.com\/security\/cve\/(CVE-\d{4}-\d{4,7})\.html$/,
  /^https:\/\/security\.alpinelinux\.org\/vuln\/(CVE-\d{4}-\d{4,7})$/,
];

/** The advisory page for a vulnerability or weakness id of a known shape. */
export const advisoryUrl = (id: string): string | undefined => {
  for (const [shape, url] of BY_ID) {
    if (shape.test(id)) return url(id);
  }
  return undefined;
};

/** A linked advisory page: its URL and the id it is about. */
export type AdvisoryPage = { readonly url: string; readonly id: string };

/** The finding's `sourceUrl` when it is a known advisory page, with the id it names. */
export const advisoryPage = (
  sourceUrl: string | undefined
): AdvisoryPage | undefined => {
  const url = safeHttpsUrl(sourceUrl);
  if (!url) return undefined;
  for (const shape of ADVISORY_PAGES) {
    const match = shape.exec(url);
    const id = match?.slice(1).find(Boolean);
    if (id) return { url, id };
  }
  return undefined;
};
