import { describe, expect, it } from 'vitest';
import { AsffFindingSchema } from '../../../src/events/asff-schema.js';
import { Inspector2FindingSchema } from '../../../src/events/inspector2-schema.js';
import { fromAsff } from '../../../src/findings/from-asff.js';
import { fromInspector2 } from '../../../src/findings/from-inspector2.js';
import { dedupKey } from '../../../src/pipeline/announced-state.js';
import {
  anInspector2Event,
  aSecurityHubEvent,
  type SecurityHubEvent,
} from '../../helpers/events.js';

/** The first ASFF finding of an event, validated as the handler does. */
const firstFinding = (event: SecurityHubEvent) => {
  const [finding] = event.detail.findings;
  if (!finding) throw new Error('the sample event has no finding');
  return finding;
};

const normalize = (event: SecurityHubEvent) =>
  fromAsff(AsffFindingSchema.parse(firstFinding(event)), {
    region: event.region,
    time: event.time,
  });

// Inspector2 EC2 CVE: Label CRITICAL, Normalized 90, inspectorScore "10.0".
const inspector = aSecurityHubEvent('imported-inspector2-ec2-cve');
// CIS 1.2.0 control 1.22: HIGH / 70, Workflow NEW, ACTIVE, FAILED; no Region.
const control = aSecurityHubEvent('jira-sample-cis-1.22-new-active');
// Consolidated control CloudTrail.2: FindingProviderFields Normalized "40".
const consolidated = aSecurityHubEvent(
  'imported-control-consolidated-cloudtrail2'
);
// GuardDuty SSH brute force: MEDIUM / 40, ProductArn with the docs' typo.
const guardDuty = aSecurityHubEvent('imported-guardduty-ssh-bruteforce');

describe('Function: fromAsff', () => {
  describe('severity', () => {
    it('takes the label and scores with the inspectorScore product field', () => {
      // Act
      const { severity } = normalize(structuredClone(inspector));

      // Assess
      expect(severity).toEqual({
        label: 'CRITICAL',
        labelSource: 'provider-label',
        score: 10,
        scoreSource: 'inspectorScore',
        providerLabel: 'CRITICAL',
      });
    });

    it('keeps the label over a Normalized value of another band', () => {
      // Prepare: as exported by GuardDuty (LOW with Normalized 40).
      const event = structuredClone(guardDuty);
      firstFinding(event).Severity = { Label: 'LOW', Normalized: 40 };

      // Act
      const { severity } = normalize(event);

      // Assess
      expect(severity).toEqual({
        label: 'LOW',
        labelSource: 'provider-label',
        score: 4,
        scoreSource: 'asff-normalized',
        providerLabel: 'LOW',
      });
    });

    it('reads Normalized given as the string "40"', () => {
      // Prepare
      const event = structuredClone(consolidated);
      firstFinding(event).Severity = { Normalized: '40' };

      // Act
      const { severity } = normalize(event);

      // Assess
      expect(severity).toEqual({
        label: 'MEDIUM',
        labelSource: 'score',
        score: 4,
        scoreSource: 'asff-normalized',
        providerLabel: 'MEDIUM',
      });
    });

    it.each([
      { normalized: 0, label: 'INFORMATIONAL', score: 0 },
      { normalized: 1, label: 'LOW', score: 0.1 },
      { normalized: 39, label: 'LOW', score: 3.9 },
      { normalized: 70, label: 'HIGH', score: 7 },
      { normalized: 100, label: 'CRITICAL', score: 10 },
    ])(
      'labels Normalized $normalized without a Label as $label',
      ({ normalized, label, score }) => {
        // Prepare
        const event = structuredClone(guardDuty);
        firstFinding(event).Severity = { Normalized: normalized };

        // Act
        const { severity } = normalize(event);

        // Assess
        expect(severity).toMatchObject({ label, labelSource: 'score', score });
      }
    );

    it('scores with a numeric Original when there is neither Label nor Normalized', () => {
      // Prepare
      const event = structuredClone(guardDuty);
      firstFinding(event).Severity = { Original: '6.0' };

      // Act
      const { severity } = normalize(event);

      // Assess
      expect(severity).toEqual({
        label: 'MEDIUM',
        labelSource: 'score',
        score: 6,
        scoreSource: 'asff-original',
      });
    });

    it('does not score with a textual Original', () => {
      // Prepare
      const event = structuredClone(control);
      firstFinding(event).Severity = { Label: 'HIGH', Original: 'HIGH' };

      // Act
      const { severity } = normalize(event);

      // Assess
      expect(severity).toEqual({
        label: 'HIGH',
        labelSource: 'provider-label',
        providerLabel: 'HIGH',
      });
    });

    it('falls back to Normalized when the inspectorScore product field is out of range', () => {
      // Prepare
      const event = structuredClone(inspector);
      const finding = firstFinding(event);
      finding.ProductFields = {
        ...finding.ProductFields,
        'aws/inspector/inspectorScore': '12.5',
      };

      // Act
      const { severity } = normalize(event);

      // Assess
      expect(severity).toMatchObject({
        label: 'CRITICAL',
        score: 9,
        scoreSource: 'asff-normalized',
      });
    });

    it("keeps the provider's label when a person changed the top-level one", () => {
      // Prepare
      const event = structuredClone(control);
      const finding = firstFinding(event);
      finding.Severity = { Label: 'low' };
      finding.FindingProviderFields = { Severity: { Label: 'HIGH' } };

      // Act
      const { severity } = normalize(event);

      // Assess
      expect(severity).toEqual({
        label: 'LOW',
        labelSource: 'provider-label',
        providerLabel: 'HIGH',
      });
    });
  });

  describe('lifecycle', () => {
    it.each([
      {
        case: 'an active, new, failed control',
        change: {},
        lifecycle: 'OPEN',
      },
      {
        case: 'an archived record',
        change: { RecordState: 'ARCHIVED' },
        lifecycle: 'RESOLVED',
      },
      {
        case: 'a resolved workflow',
        change: { Workflow: { Status: 'RESOLVED' } },
        lifecycle: 'RESOLVED',
      },
      {
        case: 'a suppressed workflow',
        change: { Workflow: { Status: 'SUPPRESSED' } },
        lifecycle: 'SUPPRESSED',
      },
      {
        case: 'a notified workflow',
        change: { Workflow: { Status: 'NOTIFIED' } },
        lifecycle: 'OPEN',
      },
      {
        case: 'a passed control',
        change: { Compliance: { Status: 'PASSED' } },
        lifecycle: 'RESOLVED',
      },
      {
        case: 'an archived record with a suppressed workflow',
        change: { RecordState: 'ARCHIVED', Workflow: { Status: 'SUPPRESSED' } },
        lifecycle: 'RESOLVED',
      },
    ])('maps $case to $lifecycle', ({ change, lifecycle }) => {
      // Prepare
      const event = structuredClone(control);
      Object.assign(firstFinding(event), change);

      // Act
      const { status } = normalize(event);

      // Assess
      expect(status.lifecycle).toBe(lifecycle);
    });

    it('reports every state it read', () => {
      // Act
      const { status } = normalize(structuredClone(control));

      // Assess
      expect(status).toEqual({
        lifecycle: 'OPEN',
        workflow: 'NEW',
        record: 'ACTIVE',
        compliance: 'FAILED',
      });
    });

    it('reads the retired WorkflowState when Workflow is absent', () => {
      // Prepare
      const event = structuredClone(control);
      const finding = firstFinding(event);
      delete finding.Workflow;
      finding.WorkflowState = 'RESOLVED';

      // Act
      const { status } = normalize(event);

      // Assess
      expect(status).toMatchObject({
        lifecycle: 'RESOLVED',
        workflow: 'RESOLVED',
      });
    });

    it.each([
      { findingStatus: 'ACTIVE', lifecycle: 'OPEN' },
      { findingStatus: 'SUPPRESSED', lifecycle: 'SUPPRESSED' },
      { findingStatus: 'CLOSED', lifecycle: 'RESOLVED' },
    ])(
      'maps Inspector FindingStatus $findingStatus to $lifecycle',
      ({ findingStatus, lifecycle }) => {
        // Prepare
        const event = structuredClone(inspector);
        const finding = firstFinding(event);
        finding.ProductFields = {
          ...finding.ProductFields,
          'aws/inspector/FindingStatus': findingStatus,
        };

        // Act
        const { status } = normalize(event);

        // Assess
        expect(status).toMatchObject({ lifecycle, provider: findingStatus });
      }
    );
  });

  describe('type', () => {
    it.each([
      { file: 'imported-inspector2-ec2-cve', type: 'PACKAGE_VULNERABILITY' },
      { file: 'jira-sample-cis-1.22-new-active', type: 'SECURITY_CONTROL' },
      { file: 'imported-guardduty-ssh-bruteforce', type: 'THREAT_DETECTION' },
      {
        file: 'imported-access-analyzer-s3-cross-account',
        type: 'RESOURCE_ACCESS',
      },
      {
        file: 'imported-inspector-classic-network-reachability',
        type: 'NETWORK_REACHABILITY',
      },
    ])('types $file as $type', ({ file, type }) => {
      // Act
      const finding = normalize(aSecurityHubEvent(file));

      // Assess
      expect(finding.type).toBe(type);
    });

    it.each([
      {
        types: ['Software and Configuration Checks/Vulnerabilities/CWE'],
        type: 'CODE_VULNERABILITY',
      },
      {
        types: ['Effects/Data Exposure/Policy:IAMUser-S3BucketPublic'],
        type: 'THREAT_DETECTION',
      },
      {
        types: ['Unusual Behaviors/User/Login'],
        type: 'THREAT_DETECTION',
      },
      { types: ['Sensitive Data Identifications/PII'], type: 'OTHER' },
      { types: [], type: 'OTHER' },
    ])(
      'types $types without vulnerabilities or compliance as $type',
      ({ types, type }) => {
        // Prepare
        const event = structuredClone(guardDuty);
        firstFinding(event).Types = types;

        // Act
        const finding = normalize(event);

        // Assess
        expect(finding.type).toBe(type);
        expect(finding.types).toEqual(types);
      }
    );
  });

  describe('product, region and partition', () => {
    it('names product and company from the finding', () => {
      // Act
      const finding = normalize(structuredClone(inspector));

      // Assess
      expect(finding).toMatchObject({
        source: 'securityhub',
        product: 'Inspector',
        company: 'Amazon',
        productArn: 'arn:aws:securityhub:us-east-1::product/aws/inspector',
        generatorId: 'AWSInspector',
      });
    });

    it('names product and company from the product ARN when the finding does not', () => {
      // Prepare
      const event = structuredClone(guardDuty);
      const finding = firstFinding(event);
      delete finding.ProductName;
      delete finding.CompanyName;
      finding.ProductFields = {};
      finding.ProductArn =
        'arn:aws:securityhub:us-east-1::product/aws/guardduty';

      // Act
      const result = normalize(event);

      // Assess
      expect(result).toMatchObject({ product: 'GuardDuty', company: 'AWS' });
    });

    it('takes the Region attribute first', () => {
      // Act
      const finding = normalize(structuredClone(consolidated));

      // Assess
      expect(finding).toMatchObject({ region: 'us-east-2', partition: 'aws' });
    });

    it('falls back to the product ARN region and partition', () => {
      // Prepare
      const event = structuredClone(control);
      firstFinding(event).ProductArn =
        'arn:aws-us-gov:securityhub:us-gov-west-1::product/aws/securityhub';

      // Act
      const finding = normalize(event);

      // Assess
      expect(finding).toMatchObject({
        region: 'us-gov-west-1',
        partition: 'aws-us-gov',
      });
    });

    it('falls back to the finding id region when the product ARN is unreadable', () => {
      // Prepare
      const event = structuredClone(control);
      const finding = firstFinding(event);
      finding.ProductArn = 'product/aws/securityhub';
      const [resource] = finding.Resources;
      if (resource) delete resource.Region;

      // Act
      const result = normalize(event);

      // Assess
      expect(result.region).toBe('eu-west-1');
    });

    it('falls back to the resource region and partition, then to the envelope', () => {
      // Prepare: the GuardDuty docs sample has "arn:aws::securityhub:..." ARNs.
      const event = structuredClone(guardDuty);
      const finding = firstFinding(event);
      delete finding.Region;
      const [resource] = finding.Resources;
      if (resource) resource.Partition = 'aws-cn';
      const withoutResourceRegion = structuredClone(event);
      const [bare] = firstFinding(withoutResourceRegion).Resources;
      if (bare) delete bare.Region;
      withoutResourceRegion.region = 'eu-north-1';

      // Act
      const fromResource = normalize(event);
      const fromEnvelope = normalize(withoutResourceRegion);

      // Assess
      expect(fromResource).toMatchObject({
        region: 'us-east-1',
        partition: 'aws-cn',
      });
      expect(fromEnvelope.region).toBe('eu-north-1');
    });
  });

  describe('resources', () => {
    it('names an EC2 instance by its Name tag and keeps key details', () => {
      // Act
      const [resource] = normalize(structuredClone(guardDuty)).resources;

      // Assess
      expect(resource).toEqual({
        type: 'AwsEc2Instance',
        providerType: 'AwsEc2Instance',
        id: 'arn:aws::ec2:us-east-1:193043430472:instance/i-0c10c2c7863d1a356',
        name: 'kubectl',
        partition: 'aws',
        region: 'us-east-1',
        tags: { Name: 'kubectl' },
        details: {
          Type: 't2.micro',
          ImageId: 'ami-02354e95b39ca8dec',
          VpcId: 'vpc-a0c2d7c7',
          SubnetId: 'subnet-4975b475',
          IpV4Addresses: '18.234.130.16, 172.31.43.6',
        },
      });
    });

    it('names an ECR image repository:tag', () => {
      // Prepare
      const [event] = aSecurityHubEvent(
        'imported-inspector2-ecr-package-vulns'
      ) as unknown as SecurityHubEvent[];
      if (!event) throw new Error('the sample file holds no event');

      // Act
      const [resource] = normalize(event).resources;

      // Assess
      expect(resource).toMatchObject({
        type: 'AwsEcrContainerImage',
        name: 'repo-os:2023-08-23',
      });
    });

    it('names a Lambda function by its function name', () => {
      // Prepare
      const event = structuredClone(inspector);
      firstFinding(event).Resources = [
        {
          Type: 'AwsLambdaFunction',
          Id: 'arn:aws:lambda:us-east-1:123456789012:function:orders',
          Details: {
            AwsLambdaFunction: {
              FunctionName: 'orders',
              Runtime: 'nodejs20.x',
            },
          },
        },
      ];

      // Act
      const [resource] = normalize(event).resources;

      // Assess
      expect(resource).toMatchObject({
        name: 'orders',
        tags: {},
        details: { FunctionName: 'orders', Runtime: 'nodejs20.x' },
      });
    });

    it('keeps the first details of an unknown resource type', () => {
      // Act
      const [resource] = normalize(
        aSecurityHubEvent('imported-access-analyzer-s3-cross-account')
      ).resources;

      // Assess
      expect(resource?.type).toBe('AwsS3Bucket');
      expect(Object.keys(resource?.details ?? {}).length).toBeGreaterThan(0);
    });
  });

  describe('vulnerability and compliance facts', () => {
    it('reads the vulnerability of an Inspector2 finding', () => {
      // Act
      const { vulnerability } = normalize(structuredClone(inspector));

      // Assess
      expect(vulnerability).toEqual({
        ids: ['CVE-2022-3643'],
        source: 'NVD',
        sourceUrl: 'https://nvd.nist.gov/vuln/detail/CVE-2022-3643',
        vendorSeverity: 'CRITICAL',
        cvss: [
          {
            version: '3.1',
            baseScore: 10,
            vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
            source: 'NVD',
          },
          {
            version: '3.1',
            baseScore: 10,
            vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
            source: 'NVD',
          },
        ],
        fixAvailable: 'YES',
        packages: [
          {
            name: 'kernel',
            version: '4.14.301',
            fixedInVersion: '0:5.10.162-141.675.amzn2',
            packageManager: 'OS',
            remediation: 'yum update kernel',
          },
        ],
        referenceUrls: [
          'https://xenbits.xenproject.org/xsa/advisory-423.txt',
          'https://lists.debian.org/debian-lts-announce/2022/12/msg00031.html',
          'https://lists.debian.org/debian-lts-announce/2022/12/msg00034.html',
        ],
      });
    });

    it('drops "NotAvailable" fixed versions and reads EPSS and exploit flags', () => {
      // Prepare
      const event = structuredClone(inspector);
      const [vulnerability] = firstFinding(event).Vulnerabilities ?? [];
      if (!vulnerability) throw new Error('the sample has no vulnerability');
      vulnerability.VulnerablePackages = [
        { Name: 'kernel', FixedInVersion: 'NotAvailable' },
        { Version: '1.0' },
      ];
      vulnerability.EpssScore = '0.00043';
      vulnerability.ExploitAvailable = 'YES';
      vulnerability.FixAvailable = 'NO';

      // Act
      const facts = normalize(event).vulnerability;

      // Assess
      expect(facts).toMatchObject({
        epss: 0.00043,
        exploitAvailable: true,
        fixAvailable: 'NO',
        packages: [{ name: 'kernel' }],
      });
    });

    it('has no vulnerability facts without Vulnerabilities', () => {
      // Prepare
      const event = structuredClone(inspector);
      delete firstFinding(event).Vulnerabilities;

      // Act
      const finding = normalize(event);

      // Assess
      expect(finding).not.toHaveProperty('vulnerability');
      expect(finding.type).toBe('PACKAGE_VULNERABILITY');
    });

    it('reads a consolidated control: id, standards and requirements', () => {
      // Act
      const { compliance } = normalize(structuredClone(consolidated));

      // Assess
      expect(compliance).toEqual({
        status: 'FAILED',
        controlId: 'CloudTrail.2',
        standards: [
          'standards/aws-foundational-security-best-practices/v/1.0.0',
          'standards/pci-dss/v/3.2.1',
          'ruleset/cis-aws-foundations-benchmark/v/1.2.0',
          'standards/cis-aws-foundations-benchmark/v/1.4.0',
          'standards/service-managed-aws-control-tower/v/1.0.0',
        ],
        relatedRequirements: [
          'PCI DSS v3.2.1/3.4',
          'CIS AWS Foundations Benchmark v1.2.0/2.7',
          'CIS AWS Foundations Benchmark v1.4.0/3.7',
        ],
      });
    });

    it('reads a standard-based control from its product fields', () => {
      // Act
      const { compliance } = normalize(structuredClone(control));

      // Assess
      expect(compliance).toEqual({
        status: 'FAILED',
        controlId: '1.22',
        standards: [
          'arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0',
        ],
        relatedRequirements: [],
      });
    });
  });

  describe('text and time', () => {
    it('reads first, last and updated times and drops "None Provided"', () => {
      // Act
      const finding = normalize(structuredClone(inspector));

      // Assess
      expect(finding).toMatchObject({
        firstSeen: '2023-03-01T08:04:10.000Z',
        lastSeen: '2023-03-01T08:34:29.000Z',
        updatedAt: '2023-03-01T08:34:29.000Z',
      });
      expect(finding.remediation?.text).toBeUndefined();
    });

    it('uses CreatedAt when FirstObservedAt is absent', () => {
      // Prepare
      const event = structuredClone(control);
      const finding = firstFinding(event);
      delete finding.FirstObservedAt;
      finding.CreatedAt = '2020-07-01T00:00:00Z';

      // Act
      const result = normalize(event);

      // Assess
      expect(result.firstSeen).toBe('2020-07-01T00:00:00.000Z');
    });

    it('falls back to the envelope time when UpdatedAt is unreadable', () => {
      // Prepare
      const event = structuredClone(control);
      firstFinding(event).UpdatedAt = 'now';

      // Act
      const finding = normalize(event);

      // Assess
      expect(finding.updatedAt).toBe(
        new Date(String(event.time)).toISOString()
      );
    });
  });
});

describe('Cross-source identity', () => {
  it('gives an Inspector2 event and its Security Hub copy the same id and dedup key', () => {
    // Prepare: Security Hub's copy of an Inspector2 finding has Id = findingArn.
    const direct = anInspector2Event('ec2-package-vuln-medium-closed-docs');
    const copy = structuredClone(inspector);
    const asff = firstFinding(copy);
    asff.Id = direct.detail.findingArn;
    asff.Severity = { Label: 'MEDIUM', Normalized: 40 };
    asff.ProductFields = {
      ...asff.ProductFields,
      'aws/inspector/FindingStatus': 'CLOSED',
      'aws/inspector/inspectorScore': '4.8',
    };

    // Act
    const fromEvent = fromInspector2(
      Inspector2FindingSchema.parse(direct.detail),
      { region: direct.region, time: direct.time }
    );
    const fromHub = normalize(copy);

    // Assess
    expect(fromHub.id).toBe(fromEvent.id);
    expect(dedupKey('route', fromHub)).toBe(dedupKey('route', fromEvent));
    expect(fromHub.severity).toMatchObject({ label: 'MEDIUM', score: 4.8 });
    expect(fromEvent.severity).toMatchObject({ label: 'MEDIUM', score: 4.8 });
    expect(fromHub.status.lifecycle).toBe(fromEvent.status.lifecycle);
  });
});
