import type { Finding } from '../findings/finding.js';
import { fact, type KindFacts, linkedId, text } from './fact-helpers.js';
import { packageFacts } from './package-facts.js';
import type { Fact, ListSection } from './view.js';

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
