import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/event-kinds/parse-event.js';
import type { Finding } from '../../src/findings/finding.js';
import { renderForRoute } from '../../src/formatters/render-route.js';
import {
  anInspector2Event,
  aSecurityHubEvent,
  type SecurityHubEvent,
} from '../helpers/events.js';

/*
 * Issue 16, item 1: a link's text is never free text from the finding
 * pointing somewhere else. Allowed: the URL itself as text, a validated AWS
 * console page, AWS documentation under our own fixed text, or an advisory
 * whose text is a vulnerability id of a known shape that the URL names.
 * This file defines the shapes on its own, not from the code under test.
 */

const CONSOLE =
  /^https:\/\/([a-z0-9-]+\.)?console\.(aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)\//;
const DOCS = /^https:\/\/docs\.(aws\.amazon\.com|amazonaws\.cn)\//;
const KNOWN_ID =
  /^(CVE-\d{4}-\d{4,7}|GHSA(-[23456789cfghjmpqrvwx]{4}){3}|ALAS(2|2023)?-\d{4}-\d{1,6}|USN-\d{1,6}-\d{1,3}|CWE-\d{1,5})$/;
const ID_HOSTS =
  /^https:\/\/(nvd\.nist\.gov|github\.com\/advisories|alas\.aws\.amazon\.com|ubuntu\.com\/security|cwe\.mitre\.org)\//;
const OUR_TEXTS = new Set(['Remediation guide']);

type Link = { readonly url: string; readonly text: string };

const unescapeEntities = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Every `<url|text>` in a string, and every Slack button or link. */
const linksIn = (value: unknown, found: Link[] = []): Link[] => {
  if (typeof value === 'string') {
    for (const [, url = '', text = ''] of value.matchAll(
      /<(https:\/\/[^|>]+)\|([^>]*)>/g
    )) {
      found.push({ url, text: unescapeEntities(text) });
    }
  } else if (Array.isArray(value)) {
    for (const item of value) linksIn(item, found);
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.url === 'string') {
      const label = record.text as { text?: unknown } | undefined;
      found.push({
        url: record.url,
        text: unescapeEntities(String(label?.text ?? record.url)),
      });
    }
    for (const item of Object.values(record)) linksIn(item, found);
  }
  return found;
};

const isHonest = ({ url, text }: Link): boolean => {
  // Slack shows `<url|text>` text trimmed and possibly cut with an ellipsis.
  const shown = text.replace(/…$/, '');
  if (CONSOLE.test(url)) return true;
  if (shown !== '' && url.startsWith(shown)) return true;
  if (DOCS.test(url) && OUR_TEXTS.has(text)) return true;
  // The page names the id (ALAS2-… pages are named ALAS-…, CWE pages by number).
  const named = text.replace(/^ALAS(2|2023)-/, 'ALAS-').replace(/^CWE-/, '/');
  return KNOWN_ID.test(text) && ID_HOSTS.test(url) && url.includes(named);
};

const ATTACKER_TEXTS = [
  'AWS Console - Reset your credentials',
  'CVE-2024-6387',
  'GHSA-jfh8-c2jp-5v3q',
  'USN-6000-1',
  'ALAS2-2024-2500',
  'CWE-79',
  'RHSA-2024:1234',
  'CVE-2024-6387 urgent',
  'https://console.aws.amazon.com/',
  'Open in Security Hub',
];

const URLS = [
  'https://gist.github.com/attacker/0123456789abcdef',
  'https://github.com/attacker/repo/blob/main/README.md',
  'https://github.com/advisories/GHSA-jfh8-c2jp-5v3q',
  'https://raw.github.com/attacker/repo/main/x.html',
  'https://raw.githubusercontent.com/attacker/repo/main/x.html',
  'https://bugzilla.suse.com/show_bug.cgi?id=1',
  'https://www.suse.com/security/cve/CVE-2024-6387.html',
  'https://lists.ubuntu.com/archives/x.html',
  'https://ubuntu.com/security/CVE-2024-6387',
  'https://nvd.nist.gov/vuln/detail/CVE-2024-6387',
  'https://nvd.nist.gov/vuln/search?query=anything',
  'https://security-tracker.debian.org/tracker/CVE-2024-6387',
  'https://access.redhat.com/security/cve/CVE-2024-6387',
  'https://osv.dev/vulnerability/GHSA-jfh8-c2jp-5v3q',
  'https://evil.example/phish',
  'https://console.aws.amazon.com.evil.example/x?region=eu-central-1',
  'https://eu-central-1.console.aws.amazon.com/guardduty/home?region=eu-central-1#/findings',
  'https://docs.aws.amazon.com/securityhub/latest/userguide/x.html',
];

const text = fc.oneof(
  fc.constantFrom(...ATTACKER_TEXTS),
  fc.string({ minLength: 1, maxLength: 40 })
);
const url = fc.oneof(
  fc.constantFrom(...URLS),
  fc.webUrl({ withQueryParameters: true, withFragments: true })
);

const inspector2 = (id: string, sourceUrl: string, related: string) => {
  const event = anInspector2Event(
    'lambda-package-vuln-high-exploit-available-docs'
  );
  const details = event.detail.packageVulnerabilityDetails as Record<
    string,
    unknown
  >;
  details.vulnerabilityId = id;
  details.sourceUrl = sourceUrl;
  details.relatedVulnerabilities = [related];
  return event;
};

const codeFinding = (cwe: string) => {
  const event = anInspector2Event('lambda-code-vuln-critical-cwe798-docs');
  const details = event.detail.codeVulnerabilityDetails as Record<
    string,
    unknown
  >;
  details.cwes = [cwe];
  return event;
};

const asff = (id: string, urls: readonly [string, string, string]) => {
  const event: SecurityHubEvent = aSecurityHubEvent(
    'imported-inspector2-ec2-cve'
  );
  const finding = event.detail.findings[0] as unknown as Record<
    string,
    unknown
  > & { Vulnerabilities: Record<string, unknown>[] };
  const [vendor, source, remediation] = urls;
  finding.ProductName = id;
  finding.SourceUrl = source;
  finding.Remediation = { Recommendation: { Text: id, Url: remediation } };
  const [vulnerability] = finding.Vulnerabilities;
  if (vulnerability) {
    vulnerability.Id = id;
    vulnerability.Vendor = { Name: id, Url: vendor };
  }
  return event;
};

const findingsOf = (event: unknown): readonly Finding[] => {
  const parsed = parseEvent(event);
  if (parsed.kind !== 'findings') {
    throw new Error(`test event not parsed: ${JSON.stringify(parsed)}`);
  }
  return parsed.findings;
};

const dishonestLinks = (event: unknown): Link[] =>
  findingsOf(event).flatMap((finding) =>
    (['chatbot', 'slack'] as const).flatMap((format) => {
      const message = renderForRoute({ name: 'r', format }, finding, {
        route: 'r',
        variant: 'new',
      });
      return linksIn(JSON.parse(message.body)).filter(
        (link) => !isHonest(link)
      );
    })
  );

describe('Property: link text of every link-producing field', () => {
  it('has no disguised link for any of the 18 × 10 known URL/text pairs', () => {
    const bad: Link[] = [];
    for (const id of ATTACKER_TEXTS) {
      for (const target of URLS) {
        bad.push(...dishonestLinks(inspector2(id, target, id)));
        bad.push(...dishonestLinks(asff(id, [target, target, target])));
        bad.push(...dishonestLinks(codeFinding(id)));
      }
    }
    expect(bad).toEqual([]);
  });

  it('has no disguised link for random URL/text pairs', () => {
    fc.assert(
      fc.property(text, text, fc.tuple(url, url, url), (id, related, urls) => {
        expect(dishonestLinks(inspector2(id, urls[0], related))).toEqual([]);
        expect(dishonestLinks(asff(id, urls))).toEqual([]);
        expect(dishonestLinks(codeFinding(id))).toEqual([]);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) }
    );
  });
});
