import type { Finding, VulnerablePackage } from '../findings/finding.js';
import { advisoryUrl } from './advisory-links.js';
import type { Fact, Line, ListSection, Segment } from './finding-view.js';

type KindFacts = { facts: Fact[]; sections: ListSection[] };

const text = (value: string): Line => [{ text: value }];
const fact = (label: string, value: string | Line): Fact => ({
  label,
  value: typeof value === 'string' ? text(value) : value,
});

const linkedId = (id: string, sourceUrl?: string): Segment => {
  const url = advisoryUrl(id, sourceUrl);
  return url ? { text: id, url } : { text: id };
};

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

const packageFacts = (finding: Finding): KindFacts => {
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

const networkFacts = (finding: Finding): KindFacts => {
  const network = finding.network;
  if (!network) return { facts: [], sections: [] };
  const { begin, end } = network.portRange;
  return {
    facts: [
      fact('Ports', begin === end ? `${begin}` : `${begin}-${end}`),
      fact('Protocol', network.protocol),
    ],
    sections: [
      {
        title: 'Network path from the internet',
        noun: 'steps',
        items: network.path.map((step) => [
          { text: `${step.componentType.replace(/^AWS::EC2::/, '')} ` },
          { text: step.componentId, code: true },
        ]),
      },
    ],
  };
};

const codeFacts = (finding: Finding): KindFacts => {
  const code = finding.code;
  if (!code) return { facts: [], sections: [] };
  const facts: Fact[] = [];
  if (code.cwes.length > 0) {
    facts.push(
      fact(
        'CWE',
        code.cwes
          .slice(0, 5)
          .flatMap((cwe, index) => [
            ...(index > 0 ? [{ text: ', ' }] : []),
            linkedId(cwe),
          ])
      )
    );
  }
  const detector = code.detectorName ?? code.detectorId;
  if (detector) facts.push(fact('Detector', detector));
  if (code.ruleId) facts.push(fact('Rule', code.ruleId));
  const file = code.filePath ?? code.fileName;
  if (file) {
    const lines =
      code.startLine === undefined
        ? ''
        : code.endLine === undefined || code.endLine === code.startLine
          ? `:${code.startLine}`
          : `:${code.startLine}-${code.endLine}`;
    facts.push(fact('File', [{ text: `${file}${lines}`, code: true }]));
  }
  return { facts, sections: [] };
};

const complianceFacts = (finding: Finding): KindFacts => {
  const compliance = finding.compliance;
  const facts: Fact[] = [];
  if (compliance?.controlId) facts.push(fact('Control', compliance.controlId));
  if (compliance?.status) facts.push(fact('Compliance', compliance.status));
  const sections: ListSection[] = [];
  if (compliance && compliance.standards.length > 0) {
    sections.push({
      title: 'Standards',
      noun: 'standards',
      items: compliance.standards.map(text),
    });
  }
  if (compliance && compliance.relatedRequirements.length > 0) {
    sections.push({
      title: 'Related requirements',
      noun: 'requirements',
      items: compliance.relatedRequirements.map(text),
    });
  }
  return { facts, sections };
};

const threatFacts = (finding: Finding): KindFacts => {
  const type = finding.types[0];
  return {
    facts: type ? [fact('Threat type', type.split('/').pop() ?? type)] : [],
    sections: [],
  };
};

const accessFacts = (finding: Finding): KindFacts => {
  const resource = finding.resources[0];
  const details = Object.entries(resource?.details ?? {}).slice(0, 4);
  return {
    facts: [
      ...(resource ? [fact('Resource type', resource.type)] : []),
      ...details.map(([key, value]) => fact(key, value)),
    ],
    sections: [],
  };
};

/** The facts and lists that matter for the finding's kind. */
export const kindFacts = (finding: Finding): KindFacts => {
  switch (finding.type) {
    case 'PACKAGE_VULNERABILITY':
      return packageFacts(finding);
    case 'NETWORK_REACHABILITY':
      return networkFacts(finding);
    case 'CODE_VULNERABILITY':
      return codeFacts(finding);
    case 'SECURITY_CONTROL':
      return complianceFacts(finding);
    case 'THREAT_DETECTION':
      return threatFacts(finding);
    case 'RESOURCE_ACCESS':
      return accessFacts(finding);
    default: {
      const type = finding.types[0];
      return { facts: type ? [fact('Type', type)] : [], sections: [] };
    }
  }
};
