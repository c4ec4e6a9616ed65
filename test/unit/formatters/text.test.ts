import { describe, expect, it } from 'vitest';
import { formatText } from '../../../src/formatters/text.js';
import { aFinding } from '../../helpers/a-finding.js';

describe('Formatter: text', () => {
  it('writes a plain body with facts, packages and full links', () => {
    // Act
    const { subject, body } = formatText(aFinding(), {
      route: 'email',
      variant: 'new',
    });

    // Assess
    expect(subject).toBe('[HIGH 8.1] CVE-2024-6387 - openssh-server');
    const lines = body.split('\n');
    expect(lines[0]).toBe('HIGH 8.1 | CVE-2024-6387 - openssh-server');
    expect(lines).toContain(
      'Resource: web-1 (https://console.aws.amazon.com/ec2/home?region=eu-west-1#InstanceDetails:instanceId=i-0123456789abcdef0) (i-0123456789abcdef0)'
    );
    expect(lines).toContain(
      '- openssh-server 8.9p1 → fixed in 8.9p1-3ubuntu0.10'
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^Open in Inspector: https:\/\/console\.aws\.amazon\.com\/inspector\/v2\//
      )
    );
  });

  it('does not escape, but strips control characters', () => {
    // Act
    const { body } = formatText(
      aFinding({ title: '<b> & \u001b[31mred\u0007' }),
      { route: 'email', variant: 'new' }
    );

    // Assess
    expect(body.split('\n')[0]).toBe('HIGH 8.1 | <b> & [31mred');
  });

  it('shows the network path of a reachability finding', () => {
    // Prepare
    const finding = aFinding({
      type: 'NETWORK_REACHABILITY',
      title: 'Port 22 is reachable from an Internet Gateway - TCP',
      network: {
        portRange: { begin: 22, end: 22 },
        protocol: 'TCP',
        path: [
          { componentId: 'igw-1', componentType: 'AWS::EC2::InternetGateway' },
          { componentId: 'sg-1', componentType: 'AWS::EC2::SecurityGroup' },
        ],
      },
    });

    // Act
    const { body } = formatText(finding, { route: 'email', variant: 'new' });

    // Assess
    expect(body).toContain('Ports: 22\nProtocol: TCP');
    expect(body).toContain(
      'Network path from the internet:\n- InternetGateway igw-1\n- SecurityGroup sg-1'
    );
  });

  it('shows the CWE, detector and file lines of a code finding', () => {
    // Prepare
    const finding = aFinding({
      type: 'CODE_VULNERABILITY',
      code: {
        cwes: ['CWE-798'],
        detectorName: 'Hardcoded credentials',
        filePath: 'src/app.py',
        startLine: 6,
        endLine: 9,
      },
    });

    // Act
    const { body } = formatText(finding, { route: 'email', variant: 'new' });

    // Assess
    expect(body).toContain(
      'CWE: CWE-798 (https://cwe.mitre.org/data/definitions/798.html)'
    );
    expect(body).toContain('Detector: Hardcoded credentials');
    expect(body).toContain('File: src/app.py:6-9');
  });

  it('shows the control, compliance status and standards of a control finding', () => {
    // Prepare
    const finding = aFinding({
      type: 'SECURITY_CONTROL',
      source: 'securityhub',
      compliance: {
        status: 'FAILED',
        controlId: 'CloudTrail.2',
        standards: [
          'standards/aws-foundational-security-best-practices/v/1.0.0',
        ],
        relatedRequirements: [],
      },
    });

    // Act
    const { body } = formatText(finding, { route: 'email', variant: 'new' });

    // Assess
    expect(body).toContain('Control: CloudTrail.2\nCompliance: FAILED');
    expect(body).toContain(
      'Standards:\n- standards/aws-foundational-security-best-practices/v/1.0.0'
    );
    expect(body).toMatch(
      /Open in Security Hub: https:\/\/console\.aws\.amazon\.com\/securityhub\//
    );
  });
});
