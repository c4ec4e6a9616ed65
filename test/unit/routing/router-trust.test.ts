import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parse-config.js';
import type { Finding } from '../../../src/findings/finding.js';
import { createRouter } from '../../../src/routing/router.js';
import { aFinding } from '../../helpers/a-finding.js';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:findings';

/** Routes a finding through one route matching `condition` (YAML flow). */
const matches = (condition: string, finding: Finding = aFinding()) => {
  const router = createRouter(
    parseConfig(
      `routes:\n  - { name: r, topicArn: '${TOPIC}', match: ${condition} }\n`,
      'test.yaml'
    )
  );
  return router(finding, new Date('2026-06-01T00:00:00Z')).kind === 'routed';
};

const ecrImage = aFinding({
  resources: [
    {
      type: 'AwsEcrContainerImage',
      providerType: 'AWS_ECR_CONTAINER_IMAGE',
      id: 'arn:aws:ecr:eu-west-1:123456789012:repository/payments-api/sha256:0123',
      tags: {},
      details: { repositoryName: 'payments-api' },
    },
  ],
});

const control = aFinding({
  source: 'securityhub',
  product: 'Security Hub',
  type: 'SECURITY_CONTROL',
  types: [
    'Software and Configuration Checks/Industry and Regulatory Standards',
  ],
  generatorId: 'security-control/EC2.8',
  compliance: {
    status: 'FAILED',
    controlId: 'EC2.8',
    standards: [],
    relatedRequirements: [],
  },
});

describe('Routing: values as people write them match what findings carry', () => {
  it.each([
    ['type in lower case', '{ type: package_vulnerability }'],
    ['product as messages print it', "{ product: 'Amazon Inspector' }"],
    ['product in lower case', '{ product: inspector }'],
    ['CloudFormation resource type', "{ resourceType: 'AWS::EC2::Instance' }"],
    ['folded resource type', '{ resourceType: awsec2instance }'],
    ["Inspector's resource type", '{ resourceType: AWS_EC2_INSTANCE }'],
    ['tag key in another case', '{ tags: { TEAM: payments } }'],
    ['severity in lower case', '{ severity: { min: high } }'],
    ['source in capitals', '{ source: INSPECTOR2 }'],
    ['status in lower case', '{ status: { provider: [active] } }'],
  ])('matches a %s', (_case, condition) => {
    expect(matches(condition)).toBe(true);
  });

  it.each([
    ['resource id', "{ resource: 'i-0123*' }", aFinding()],
    ['resource name', "{ resource: 'WEB-*' }", aFinding()],
    ['resource ARN', "{ resource: '*:repository/payments-*' }", ecrImage],
    ['ECR repository', '{ ecrRepository: payments-api }', ecrImage],
    ['package name', "{ packageName: 'openssh*' }", aFinding()],
    ['control id', "{ controlId: 'ec2.8' }", control],
    ['generator id', "{ generatorId: 'security-control/*' }", control],
  ])('matches by %s', (_case, condition, finding) => {
    expect(matches(condition, finding)).toBe(true);
  });

  it.each([
    ['ECR repository', '{ ecrRepository: other-repo }', ecrImage],
    ['ECR repository on an instance', '{ ecrRepository: "*" }', aFinding()],
    ['package name', '{ packageName: openssl }', aFinding()],
    ['control id', '{ controlId: S3.1 }', control],
    ['control id on a vulnerability', "{ controlId: '*' }", aFinding()],
  ])('does not match another %s', (_case, condition, finding) => {
    expect(matches(condition, finding)).toBe(false);
  });
});

describe('Routing: per-route suppressions and expiry', () => {
  const config = `
routes:
  - name: sandbox
    topicArn: ${TOPIC}
    suppressions:
      - name: mute-ec2-8
        reason: sandbox instances may be public (RISK-7)
        expires: 2026-12-31
        match: { controlId: EC2.8, account: '123456789012' }
  - name: audit
    topicArn: ${TOPIC}
    match: { controlId: S3.1 }
`;
  const router = createRouter(parseConfig(config, 'test.yaml'));

  it('suppresses a finding on its route, naming the route, the rule and its reason', () => {
    expect(router(control, new Date('2026-12-31T23:59:59Z'))).toEqual({
      kind: 'suppressed',
      rule: 'sandbox/mute-ec2-8',
      reason: 'sandbox instances may be public (RISK-7)',
    });
  });

  it('holds a date-only expiry through the end of that day (UTC)', () => {
    const result = router(control, new Date('2027-01-01T00:00:00Z'));

    expect(result.kind).toBe('routed');
  });

  it('leaves other routes to take the finding', () => {
    const both = createRouter(
      parseConfig(
        `${config}  - { name: everything, topicArn: '${TOPIC}' }\n`,
        'test.yaml'
      )
    );

    const result = both(control, new Date('2026-06-01T00:00:00Z'));

    expect(
      result.kind === 'routed' && result.routes.map((r) => r.name)
    ).toEqual(['everything']);
  });
});
