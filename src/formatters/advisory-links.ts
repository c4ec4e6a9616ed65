import { safeHttpsUrl } from './safe-url.js';

/** Advisory pages we link by id, after the id's documented shape. */
const BY_ID: readonly [RegExp, (id: string) => string][] = [
  [/^CVE-\d{4}-\d{4,}$/, (id) => `https://nvd.nist.gov/vuln/detail/${id}`],
  [
    /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/,
    (id) => `https://github.com/advisories/${id}`,
  ],
  [/^ALAS-\d{4}-\d+$/, (id) => `https://alas.aws.amazon.com/${id}.html`],
  [
    /^ALAS2-\d{4}-\d+$/,
    (id) =>
      `https://alas.aws.amazon.com/AL2/${id.replace('ALAS2', 'ALAS')}.html`,
  ],
  [
    /^ALAS2023-\d{4}-\d+$/,
    (id) =>
      `https://alas.aws.amazon.com/AL2023/${id.replace('ALAS2023', 'ALAS')}.html`,
  ],
  [/^USN-\d+-\d+$/, (id) => `https://ubuntu.com/security/notices/${id}`],
  [
    /^CWE-\d{1,5}$/,
    (id) => `https://cwe.mitre.org/data/definitions/${id.slice(4)}.html`,
  ],
];

/**
 * Hosts whose advisory pages a finding's own `sourceUrl` may point at; a
 * `sourceUrl` elsewhere is not linked (the link text is the id, so a link
 * to another host would be a disguised link).
 */
const ADVISORY_HOSTS = [
  'nvd.nist.gov',
  'cve.org',
  'github.com',
  'alas.aws.amazon.com',
  'ubuntu.com',
  'people.canonical.com',
  'security-tracker.debian.org',
  'access.redhat.com',
  'msrc.microsoft.com',
  'osv.dev',
  'suse.com',
  'security.alpinelinux.org',
] as const;

/** The advisory page for a vulnerability or weakness id, if we know one. */
export const advisoryUrl = (
  id: string,
  sourceUrl?: string
): string | undefined => {
  for (const [shape, url] of BY_ID) {
    if (shape.test(id)) return url(id);
  }
  return safeHttpsUrl(sourceUrl, ADVISORY_HOSTS);
};
