import type { Finding } from '../../src/findings/finding.js';

const BASE: Finding = {
  id: 'arn:aws:inspector2:eu-west-1:123456789012:finding/0123456789abcdef0123456789abcdef',
  source: 'inspector2',
  product: 'Inspector',
  company: 'Amazon',
  type: 'PACKAGE_VULNERABILITY',
  types: ['PACKAGE_VULNERABILITY'],
  title: 'CVE-2024-6387 - openssh-server',
  description: 'A race condition in sshd.',
  severity: {
    label: 'HIGH',
    labelSource: 'score',
    score: 8.1,
    scoreSource: 'inspectorScore',
    providerLabel: 'HIGH',
  },
  status: { lifecycle: 'OPEN', provider: 'ACTIVE' },
  accountId: '123456789012',
  region: 'eu-west-1',
  partition: 'aws',
  resources: [
    {
      type: 'AwsEc2Instance',
      providerType: 'AWS_EC2_INSTANCE',
      id: 'i-0123456789abcdef0',
      name: 'web-1',
      region: 'eu-west-1',
      partition: 'aws',
      tags: { Name: 'web-1', team: 'payments' },
      details: {},
    },
  ],
  vulnerability: {
    ids: ['CVE-2024-6387'],
    cvss: [{ version: '3.1', baseScore: 8.1 }],
    epss: 0.42,
    exploitAvailable: true,
    fixAvailable: 'YES',
    packages: [
      {
        name: 'openssh-server',
        version: '8.9p1',
        fixedInVersion: '8.9p1-3ubuntu0.10',
      },
    ],
    referenceUrls: [],
  },
  updatedAt: '2024-07-01T00:00:00.000Z',
};

/** A plausible finding with the given fields replaced. */
export const aFinding = (overrides: Partial<Finding> = {}): Finding => ({
  ...structuredClone(BASE),
  ...overrides,
});
