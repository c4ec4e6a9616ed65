import { describe, expect, it } from 'vitest';
import {
  type OcsfFinding,
  OcsfFindingSchema,
} from '../../../src/events/ocsf-schema.js';
import { cloudFormationToAsff } from '../../../src/findings/cloudformation-types.js';
import { fromOcsf } from '../../../src/findings/from-ocsf.js';
import { getTestEvent } from '../../helpers/events.js';

type V2Event = {
  region: string;
  time: string;
  detail: { findings: Record<string, unknown>[] };
};

/** The first OCSF finding of `events/securityhub-v2/<name>.json`. */
const ocsfFinding = (name: string): Record<string, unknown> => {
  const event = getTestEvent<V2Event>('securityhub-v2', name);
  const [finding] = event.detail.findings;
  if (!finding) throw new Error(`${name} has no finding`);
  return finding;
};

const normalize = (
  finding: Record<string, unknown>,
  envelope = { region: 'eu-west-1', time: '2026-03-01T00:00:00Z' }
) => fromOcsf(OcsfFindingSchema.parse(finding), envelope);

const withChanges = (
  name: string,
  change: (finding: OcsfFinding) => void
): Record<string, unknown> => {
  const finding = ocsfFinding(name) as OcsfFinding;
  change(finding);
  return finding;
};

describe('Function: fromOcsf', () => {
  describe('Inspector vulnerability findings (class 2002)', () => {
    const finding = normalize(
      ocsfFinding('inspector-ec2-package-vuln-high-exploit')
    );

    it('keeps the Inspector finding ARN as identity', () => {
      expect(finding.id).toBe(
        'arn:aws:inspector2:eu-central-1:123456789012:finding/0b5e1c7a9d3f4e2b8a6c0d1e3f5a7b9c'
      );
      expect(finding.source).toBe('securityhub');
      expect(finding.securityHubV2).toEqual({
        metadataUid:
          '4f1a9c3e7b2d5e8f0a6c1b4d7e9f2a5c8b0d3e6f9a1c4b7d0e2f5a8c1b3d6e9f',
      });
    });

    it('reads product, kind, account, region and times', () => {
      expect(finding).toMatchObject({
        product: 'Inspector',
        company: 'AWS',
        type: 'PACKAGE_VULNERABILITY',
        accountId: '123456789012',
        region: 'eu-central-1',
        partition: 'aws',
        firstSeen: '2026-02-25T08:23:31.000Z',
        lastSeen: '2026-03-10T08:15:42.118Z',
        updatedAt: '2026-03-10T08:15:42.118Z',
      });
    });

    it('labels from severity_id and scores with the highest CVSS v3', () => {
      expect(finding.severity).toEqual({
        label: 'HIGH',
        labelSource: 'provider-label',
        score: 8.1,
        scoreSource: 'cvss-v3',
        providerLabel: 'HIGH',
      });
    });

    it('reads CVE, CVSS, EPSS (a string), exploit, fix and packages', () => {
      expect(finding.vulnerability).toEqual({
        ids: ['CVE-2024-6387', 'ALAS2023-2024-652'],
        source: 'AMAZON_CVE',
        sourceUrl: 'https://nvd.nist.gov/vuln/detail/CVE-2024-6387',
        vendorSeverity: 'Important',
        cvss: [
          {
            version: '3.1',
            baseScore: 8.1,
            vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H',
            source: 'NVD',
          },
        ],
        epss: 0.38524,
        exploitAvailable: true,
        lastKnownExploitAt: '2026-03-05T08:00:00.000Z',
        fixAvailable: 'YES',
        packages: [
          {
            name: 'openssh-server',
            version: '8.7p1',
            fixedInVersion: '0:8.7p1-38.amzn2023.0.2',
            packageManager: 'OS',
            remediation: 'dnf update openssh-server',
          },
          {
            name: 'openssh-clients',
            version: '8.7p1',
            fixedInVersion: '0:8.7p1-38.amzn2023.0.2',
            packageManager: 'OS',
            remediation: 'dnf update openssh-clients',
          },
        ],
        referenceUrls: [
          'https://nvd.nist.gov/vuln/detail/CVE-2024-6387',
          'https://alas.aws.amazon.com/AL2023/ALAS-2024-652.html',
        ],
      });
    });

    it('maps the EC2 resource to the ASFF type, with tags and details', () => {
      expect(finding.resources).toEqual([
        {
          type: 'AwsEc2Instance',
          providerType: 'AWS::EC2::Instance',
          id: 'i-0a1b2c3d4e5f60718',
          name: 'bastion-eu',
          partition: 'aws',
          region: 'eu-central-1',
          tags: { Name: 'bastion-eu', team: 'platform' },
          details: {
            type: 't3.small',
            imageId: 'ami-0f1e2d3c4b5a69788',
            platform: 'AMAZON_LINUX_2023',
            vpcId: 'vpc-0a1b2c3d4e5f60718',
            subnetId: 'subnet-0a1b2c3d4e5f60718',
            ipV4Addresses: '10.20.1.15',
          },
        },
      ]);
    });

    it('gives New Inspector findings the NEW workflow and the ACTIVE provider facet', () => {
      expect(finding.status).toEqual({
        lifecycle: 'OPEN',
        provider: 'ACTIVE',
        workflow: 'NEW',
        record: 'ACTIVE',
      });
    });

    it('takes the ARN from uid_alt for Lambda functions', () => {
      // Act
      const lambda = normalize(
        ocsfFinding('inspector-lambda-package-vuln-medium-ocsf-1.5')
      );

      // Assess
      expect(lambda.resources[0]).toMatchObject({
        type: 'AwsLambdaFunction',
        id: 'arn:aws:lambda:eu-west-1:123456789012:function:orders-api-handler',
        name: 'orders-api-handler',
      });
      expect(lambda.vulnerability?.packages[0]).toEqual({
        name: 'go/stdlib',
        version: '1.23.4',
        fixedInVersion: '1.23.8',
        packageManager: 'GOBINARY',
        filePath: 'bootstrap',
      });
    });

    it('reads a code finding (a CWE and no CVE) as CODE_VULNERABILITY', () => {
      // Prepare
      const code = withChanges(
        'inspector-lambda-package-vuln-medium-ocsf-1.5',
        (finding) => {
          finding.vulnerabilities = [
            {
              cwe: { uid: 'CWE-798', caption: 'Hardcoded credentials' },
              affected_code: [
                {
                  file: { name: 'app.py', path: 'src/app.py' },
                  start_line: 12,
                  end_line: 14,
                },
              ],
            },
          ];
        }
      );

      // Act
      const finding = normalize(code);

      // Assess
      expect(finding.type).toBe('CODE_VULNERABILITY');
      expect(finding.code).toEqual({
        cwes: ['CWE-798'],
        detectorName: 'Hardcoded credentials',
        fileName: 'app.py',
        filePath: 'src/app.py',
        startLine: 12,
        endLine: 14,
      });
      expect(finding.vulnerability).toBeUndefined();
    });
  });

  describe('severity', () => {
    it.each([
      [1, 'INFORMATIONAL'],
      [2, 'LOW'],
      [3, 'MEDIUM'],
      [4, 'HIGH'],
      [5, 'CRITICAL'],
      [6, 'CRITICAL'],
    ])('labels severity_id %i as %s, whatever the score', (id, label) => {
      // Prepare
      const raw = withChanges(
        'inspector-ec2-package-vuln-high-exploit',
        (finding) => {
          finding.severity_id = id;
        }
      );

      // Act
      const { severity } = normalize(raw);

      // Assess
      expect(severity.label).toBe(label);
      expect(severity.score).toBe(8.1);
    });

    it.each([0, 99])('falls back to the score for severity_id %i', (id) => {
      // Prepare
      const raw = withChanges(
        'inspector-ec2-package-vuln-high-exploit',
        (finding) => {
          finding.severity_id = id;
        }
      );

      // Act
      const { severity } = normalize(raw);

      // Assess
      expect(severity).toMatchObject({
        label: 'HIGH',
        labelSource: 'score',
        score: 8.1,
      });
    });

    it('keeps the provider label beside one a person changed', () => {
      // Prepare: an automation rule lowered HIGH to LOW.
      const raw = withChanges('cspm-control-s3.8-failed-high', (finding) => {
        finding.severity_id = 2;
        finding.severity = 'Low';
      });

      // Act
      const { severity } = normalize(raw);

      // Assess
      expect(severity).toEqual({
        label: 'LOW',
        labelSource: 'provider-label',
        providerLabel: 'HIGH',
      });
    });

    it('is UNTRIAGED when unknown, unscored and without a vendor label', () => {
      // Act
      const finding = normalize(ocsfFinding('other-class-unknown-severity'));

      // Assess
      expect(finding.severity).toEqual({
        label: 'UNTRIAGED',
        labelSource: 'provider-label',
        providerLabel: 'UNKNOWN',
      });
      expect(finding.type).toBe('OTHER');
      expect(finding.product).toBe('Example Partner Scanner');
    });
  });

  describe('lifecycle', () => {
    const statusOf = (statusId: number | undefined, activityId = 2) =>
      normalize(
        withChanges('guardduty-ec2-ssh-bruteforce-high', (finding) => {
          finding.status_id = statusId;
          finding.activity_id = activityId;
        })
      ).status;

    it.each([
      [1, { lifecycle: 'OPEN', workflow: 'NEW', record: 'ACTIVE' }],
      [2, { lifecycle: 'OPEN', workflow: 'NOTIFIED', record: 'ACTIVE' }],
      [
        3,
        { lifecycle: 'SUPPRESSED', workflow: 'SUPPRESSED', record: 'ACTIVE' },
      ],
      [4, { lifecycle: 'RESOLVED', workflow: 'RESOLVED', record: 'ACTIVE' }],
      [5, { lifecycle: 'RESOLVED', record: 'ARCHIVED' }],
      [6, { lifecycle: 'RESOLVED', record: 'ARCHIVED' }],
      [0, { lifecycle: 'OPEN', record: 'ACTIVE' }],
      [99, { lifecycle: 'OPEN', record: 'ACTIVE' }],
      [undefined, { lifecycle: 'OPEN', record: 'ACTIVE' }],
    ])('maps status_id %s onto the facets', (statusId, expected) => {
      expect(statusOf(statusId)).toEqual(expected);
    });

    it('resolves a Close activity even while the status still says New', () => {
      // Act
      const finding = normalize(
        ocsfFinding('guardduty-ec2-ssh-bruteforce-closed')
      );

      // Assess
      expect(finding.status).toEqual({
        lifecycle: 'RESOLVED',
        workflow: 'NEW',
        record: 'ACTIVE',
      });
    });

    it('resolves a passed control and names its compliance status as ASFF does', () => {
      // Act
      const failed = normalize(ocsfFinding('cspm-control-s3.8-failed-high'));
      const passed = normalize(
        ocsfFinding('cspm-control-s3.8-passed-resolved')
      );

      // Assess
      expect(failed.status).toMatchObject({
        lifecycle: 'OPEN',
        compliance: 'FAILED',
      });
      expect(passed.status).toMatchObject({
        lifecycle: 'RESOLVED',
        compliance: 'PASSED',
      });
      expect(failed.compliance).toEqual({
        status: 'FAILED',
        controlId: 'S3.8',
        standards: [
          'standards/aws-foundational-security-best-practices/v/1.0.0',
        ],
        relatedRequirements: ['NIST.800-53.r5 AC-21'],
      });
      expect(failed.remediation).toEqual({
        text: 'For information on how to correct this issue, consult the AWS Security Hub controls documentation.',
        url: 'https://docs.aws.amazon.com/console/securityhub/S3.8/remediation',
      });
    });
  });

  describe('kinds', () => {
    it.each([
      ['cspm-control-s3.8-failed-high', 'SECURITY_CONTROL'],
      ['guardduty-ec2-ssh-bruteforce-high', 'THREAT_DETECTION'],
      ['macie-s3-sensitive-data-medium', 'SENSITIVE_DATA'],
      ['other-class-unknown-severity', 'OTHER'],
    ])('reads %s as %s', (name, type) => {
      expect(normalize(ocsfFinding(name)).type).toBe(type);
    });
  });

  describe('fields OCSF lets a producer leave out', () => {
    it('reads a finding with only the required fields', () => {
      // Prepare
      const minimal = {
        class_uid: 2004,
        severity_id: 3,
        finding_info: { uid: 'finding-1' },
        metadata: {},
      };

      // Act
      const finding = normalize(minimal, {
        region: 'eu-west-1',
        time: '2026-03-01T00:00:00Z',
      });

      // Assess
      expect(finding).toMatchObject({
        id: 'finding-1',
        title: 'OCSF class 2004',
        description: '',
        product: 'unknown',
        accountId: 'unknown',
        region: 'eu-west-1',
        resources: [],
        updatedAt: '2026-03-01T00:00:00.000Z',
        status: { lifecycle: 'OPEN' },
      });
    });

    it('takes account and region from the finding ARN when cloud is absent', () => {
      // Prepare
      const raw = withChanges(
        'guardduty-ec2-ssh-bruteforce-high',
        (finding) => {
          delete finding.cloud;
          finding.resources = [];
        }
      );

      // Act
      const finding = normalize(raw, { region: 'eu-west-1', time: '' });

      // Assess
      expect(finding.accountId).toBe('123456789012');
      expect(finding.region).toBe('us-east-1');
    });

    it('ignores timestamps outside the range of a date', () => {
      // Prepare
      const raw = withChanges(
        'guardduty-ec2-ssh-bruteforce-high',
        (finding) => {
          finding.finding_info.modified_time = 1e300;
          finding.time = -1e300;
        }
      );

      // Act
      const finding = normalize(raw, {
        region: 'eu-west-1',
        time: '2026-03-01T00:00:00Z',
      });

      // Assess
      expect(finding.updatedAt).toBe('2026-03-01T00:00:00.000Z');
    });
  });
});

describe('Function: cloudFormationToAsff', () => {
  it.each([
    ['AWS::EC2::Instance', 'AwsEc2Instance'],
    ['AWS::Lambda::Function', 'AwsLambdaFunction'],
    ['AWS::ECR::ContainerImage', 'AwsEcrContainerImage'],
    ['AWS::ECR::Repository', 'AwsEcrRepository'],
    ['AWS::S3::Bucket', 'AwsS3Bucket'],
    ['AWS::SQS::Queue', 'AwsSqsQueue'],
    ['AWS::IAM::AccessKey', 'AwsIamAccessKey'],
    ['AWS::RDS::DBInstance', 'AwsRdsDbInstance'],
    ['AWS::DynamoDB::Table', 'AwsDynamoDbTable'],
    ['AWS::EC2::VPC', 'AwsEc2Vpc'],
    ['AWS::ApiGatewayV2::Api', 'AwsApiGatewayV2Api'],
    ['AWS::AppSync::GraphQLApi', 'AwsAppSyncGraphQlApi'],
    ['AWS::CloudTrail::Trail', 'AwsCloudTrailTrail'],
    ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AwsElbv2LoadBalancer'],
    ['AWS::WAFv2::WebACL', 'AwsWafv2WebAcl'],
    ['AWS::::Account', 'AwsAccount'],
    ['AwsEcrContainerImage', 'AwsEcrContainerImage'],
    ['Other', 'Other'],
  ])('names %s %s', (type, asff) => {
    expect(cloudFormationToAsff(type)).toBe(asff);
  });
});
