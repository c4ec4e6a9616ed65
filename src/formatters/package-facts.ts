import type { Finding, VulnerablePackage } from '../findings/finding.js';
import { fact, type KindFacts, linkedId } from './fact-helpers.js';
import type { Fact, Line, ListSection } from './view.js';

// Inspector writes "NotAvailable" where there is no fixed version.
const known = (value: string | undefined): string | undefined =>
  value && !/^(NotAvailable|N\/A|none)$/i.test(value.trim())
    ? value
    : undefined;

const packageLine = (pkg: VulnerablePackage): Line => {
  const fixed = known(pkg.fixedInVersion);
  const where = [pkg.packageManager, pkg.filePath].filter(Boolean).join(', ');
  return [
    { text: pkg.name, code: true },
    { text: ` ${pkg.version ?? 'unknown version'} → ` },
    fixed ? { text: `fixed in ${fixed}`, code: true } : { text: 'no fix yet' },
    ...(where ? [{ text: ` (${where})` }] : []),
  ];
};

/** Package vulnerability: the advisory, scores, exploit and fix, packages. */
export const packageFacts = (finding: Finding): KindFacts => {
  const vulnerability = finding.vulnerability;
  if (!vulnerability) return { facts: [], sections: [] };
  const [primary, ...related] = vulnerability.ids;
  const facts: Fact[] = [];
  if (primary) {
    facts.push(
      fact('Vulnerability', [linkedId(primary, vulnerability.sourceUrl)])
    );
  }
  const cvss = [...vulnerability.cvss].sort(
    (a, b) => b.baseScore - a.baseScore
  )[0];
  if (cvss) {
    facts.push(
      fact(
        'CVSS',
        `${cvss.baseScore.toFixed(1)} (v${cvss.version}${cvss.source ? `, ${cvss.source}` : ''})`
      )
    );
  }
  if (finding.severity.scoreSource === 'inspectorScore') {
    facts.push(
      fact('Inspector score', finding.severity.score?.toFixed(1) ?? '')
    );
  }
  if (vulnerability.epss !== undefined) {
    facts.push(fact('EPSS', `${(vulnerability.epss * 100).toFixed(2)} %`));
  }
  if (vulnerability.exploitAvailable !== undefined) {
    const last = vulnerability.lastKnownExploitAt?.slice(0, 10);
    facts.push(
      fact(
        'Exploit available',
        vulnerability.exploitAvailable
          ? `YES${last ? ` (last known ${last})` : ''}`
          : 'NO'
      )
    );
  }
  if (vulnerability.fixAvailable) {
    facts.push(fact('Fix available', vulnerability.fixAvailable));
  }
  const sections: ListSection[] = [
    {
      title: 'Vulnerable packages',
      noun: 'packages',
      items: vulnerability.packages.map(packageLine),
    },
  ];
  if (related.length > 0) {
    sections.push({
      title: 'Related vulnerabilities',
      noun: 'ids',
      items: related.map((id) => [linkedId(id)]),
    });
  }
  return { facts, sections };
};
