import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../../src/filters/compile-condition.js';
import { ConditionSchema } from '../../../src/filters/condition-schema.js';
import type { Finding } from '../../../src/findings/finding.js';
import { aFinding } from '../../helpers/a-finding.js';

const holds = (condition: unknown, finding: Finding) =>
  compileCondition(ConditionSchema.parse(condition))(finding) === undefined;

const networkFinding = aFinding({
  type: 'NETWORK_REACHABILITY',
  types: ['NETWORK_REACHABILITY'],
  title: 'Port 22 is reachable from an Internet Gateway - TCP',
  severity: {
    label: 'MEDIUM',
    labelSource: 'provider-label',
    providerLabel: 'MEDIUM',
  },
  vulnerability: undefined,
  network: { portRange: { begin: 22, end: 22 }, protocol: 'TCP', path: [] },
});

const controlFinding = aFinding({
  source: 'securityhub',
  product: 'Security Hub',
  type: 'SECURITY_CONTROL',
  types: [
    'Software and Configuration Checks/Industry and Regulatory Standards',
  ],
  status: {
    lifecycle: 'OPEN',
    workflow: 'NEW',
    record: 'ACTIVE',
    compliance: 'FAILED',
  },
  vulnerability: undefined,
});

describe('Function: compileCondition', () => {
  it.each([
    {
      case: 'severity min met',
      condition: { severity: { min: 'HIGH' } },
      finding: aFinding(),
      holds: true,
    },
    {
      case: 'severity min missed',
      condition: { severity: { min: 'CRITICAL' } },
      finding: aFinding(),
      holds: false,
    },
    {
      case: 'severity max',
      condition: { severity: { max: 'MEDIUM' } },
      finding: aFinding(),
      holds: false,
    },
    {
      case: 'severity list',
      condition: { severity: ['LOW', 'HIGH'] },
      finding: aFinding(),
      holds: true,
    },
    {
      case: 'UNTRIAGED below LOW',
      condition: { severity: { min: 'LOW' } },
      finding: aFinding({
        severity: { label: 'UNTRIAGED', labelSource: 'provider-label' },
      }),
      holds: false,
    },
    {
      case: 'score min',
      condition: { score: { min: 8 } },
      finding: aFinding(),
      holds: true,
    },
    {
      case: 'score on a finding without one',
      condition: { score: { min: 0 } },
      finding: networkFinding,
      holds: false,
    },
    {
      case: 'product glob',
      condition: { product: 'insp*' },
      finding: aFinding(),
      holds: true,
    },
    {
      case: 'product other',
      condition: { product: 'GuardDuty' },
      finding: aFinding(),
      holds: false,
    },
    {
      case: 'source',
      condition: { source: 'securityhub' },
      finding: controlFinding,
      holds: true,
    },
    {
      case: 'finding kind',
      condition: { type: 'PACKAGE_VULNERABILITY' },
      finding: aFinding(),
      holds: true,
    },
    {
      case: 'ASFF Types prefix',
      condition: { type: 'Software and Configuration Checks/Industry' },
      finding: controlFinding,
      holds: true,
    },
    {
      case: 'ASFF Types other',
      condition: { type: 'TTPs/' },
      finding: controlFinding,
      holds: false,
    },
    {
      case: "resource type in Inspector's spelling",
      condition: { resourceType: 'AWS_EC2_INSTANCE' },
      finding: aFinding(),
      holds: true,
    },
    {
      case: 'resource type other',
      condition: { resourceType: 'AwsLambdaFunction' },
      finding: aFinding(),
      holds: false,
    },
    {
      case: 'account',
      condition: { account: '123456789012' },
      finding: aFinding(),
      holds: true,
    },
    {
      case: 'account other',
      condition: { account: '210987654321' },
      finding: aFinding(),
      holds: false,
    },
    {
      case: 'region',
      condition: { region: ['us-east-1', 'eu-west-1'] },
      finding: aFinding(),
      holds: true,
    },
    {
      case: 'compliance status',
      condition: { status: { compliance: 'FAILED', workflow: 'NEW' } },
      finding: controlFinding,
      holds: true,
    },
    {
      case: 'workflow on an Inspector finding',
      condition: { status: { workflow: 'NEW' } },
      finding: aFinding(),
      holds: false,
    },
    {
      case: 'Inspector status',
      condition: { status: { provider: 'ACTIVE' } },
      finding: aFinding(),
      holds: true,
    },
    {
      case: 'tag present',
      condition: { tags: { team: true } },
      finding: aFinding(),
      holds: true,
    },
    {
      case: 'tag absent',
      condition: { tags: { InspectorEc2Exclusion: false } },
      finding: aFinding(),
      holds: true,
    },
    {
      case: 'tag value',
      condition: { tags: { team: 'pay*' } },
      finding: aFinding(),
      holds: true,
    },
    {
      case: 'tag value other',
      condition: { tags: { team: 'growth' } },
      finding: aFinding(),
      holds: false,
    },
    {
      case: 'two tags on one resource',
      condition: { tags: { team: 'payments', Name: 'web-?' } },
      finding: aFinding(),
      holds: true,
    },
    {
      case: 'vulnerability id glob',
      condition: { vulnerabilityIds: 'CVE-2024-*' },
      finding: aFinding(),
      holds: true,
    },
    {
      case: 'vulnerability id other',
      condition: { vulnerabilityIds: 'GHSA-*' },
      finding: aFinding(),
      holds: false,
    },
    {
      case: 'fix available',
      condition: { fixAvailable: true },
      finding: aFinding(),
      holds: true,
    },
    {
      case: 'no fix wanted',
      condition: { fixAvailable: false },
      finding: aFinding(),
      holds: false,
    },
    {
      case: 'exploit available',
      condition: { exploitAvailable: true },
      finding: aFinding(),
      holds: true,
    },
    {
      case: 'EPSS minimum met',
      condition: { epssMin: 0.4 },
      finding: aFinding(),
      holds: true,
    },
    {
      case: 'EPSS minimum missed',
      condition: { epssMin: 0.5 },
      finding: aFinding(),
      holds: false,
    },
    {
      case: 'port',
      condition: { ports: 22 },
      finding: networkFinding,
      holds: true,
    },
    {
      case: 'port range overlap',
      condition: { ports: '0-1023' },
      finding: networkFinding,
      holds: true,
    },
    {
      case: 'port other',
      condition: { ports: [3389] },
      finding: networkFinding,
      holds: false,
    },
    {
      case: 'port on a package finding',
      condition: { ports: 22 },
      finding: aFinding(),
      holds: false,
    },
    {
      case: 'protocol',
      condition: { protocol: 'TCP' },
      finding: networkFinding,
      holds: true,
    },
    {
      case: 'protocol other',
      condition: { protocol: 'UDP' },
      finding: networkFinding,
      holds: false,
    },
    {
      case: 'title glob',
      condition: { title: '*openssh*' },
      finding: aFinding(),
      holds: true,
    },
    {
      case: 'title other',
      condition: { title: 'Port *' },
      finding: aFinding(),
      holds: false,
    },
  ])('evaluates $case to $holds', ({ condition, finding, holds: expected }) => {
    // Act & Assess
    expect(holds(condition, finding)).toBe(expected);
  });

  it('requires every key of a condition to hold', () => {
    // Prepare
    const condition = ConditionSchema.parse({
      severity: { min: 'HIGH' },
      product: 'GuardDuty',
    });

    // Act
    const reason = compileCondition(condition)(aFinding());

    // Assess
    expect(reason).toBe('product Inspector is not GuardDuty');
  });

  it('explains a severity miss', () => {
    // Prepare
    const condition = ConditionSchema.parse({ severity: { min: 'CRITICAL' } });

    // Act & Assess
    expect(compileCondition(condition)(aFinding())).toBe(
      'severity HIGH is below CRITICAL'
    );
  });
});
