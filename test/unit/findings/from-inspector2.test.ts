import { describe, expect, it } from 'vitest';
import { Inspector2FindingSchema } from '../../../src/events/inspector2-schema.js';
import { fromInspector2 } from '../../../src/findings/from-inspector2.js';
import {
  anInspector2Event,
  type Inspector2Event,
} from '../../helpers/events.js';

/** Validates `detail` as the handler does, then normalizes it. */
const normalize = (event: Inspector2Event) =>
  fromInspector2(Inspector2FindingSchema.parse(event.detail), {
    region: event.region,
    time: event.time,
  });

// inspectorScore 4.8 (UBUNTU_CVE), cvss UBUNTU_CVE 3.1 4.8 and NVD 3.1 7.3.
const ec2Closed = anInspector2Event('ec2-package-vuln-medium-closed-docs');
const ecrNoScore = anInspector2Event('ecr-package-vuln-medium-active-docs');
const lambdaHigh = anInspector2Event(
  'lambda-package-vuln-high-exploit-available-docs'
);
const network = anInspector2Event(
  'ec2-network-reachability-port22-active-docs'
);
const code = anInspector2Event('lambda-code-vuln-critical-cwe798-docs');

describe('Function: fromInspector2', () => {
  describe('severity', () => {
    it('scores with inspectorScore over a higher CVSS score', () => {
      // Prepare
      const event = structuredClone(ec2Closed);

      // Act
      const { severity } = normalize(event);

      // Assess
      expect(severity).toEqual({
        label: 'MEDIUM',
        labelSource: 'score',
        score: 4.8,
        scoreSource: 'inspectorScore',
        providerLabel: 'MEDIUM',
      });
    });

    it('scores with the highest CVSS v3 base score without inspectorScore, keeping the provider label', () => {
      // Prepare
      const event = structuredClone(ec2Closed);
      delete event.detail.inspectorScore;

      // Act
      const { severity } = normalize(event);

      // Assess
      expect(severity).toEqual({
        label: 'HIGH',
        labelSource: 'score',
        score: 7.3,
        scoreSource: 'cvss-v3',
        providerLabel: 'MEDIUM',
      });
    });

    it('prefers a CVSS v3 score over a higher v2 score', () => {
      // Prepare
      const event = structuredClone(ec2Closed);
      delete event.detail.inspectorScore;
      event.detail.packageVulnerabilityDetails?.cvss?.push({
        baseScore: 9.3,
        version: '2.0',
        source: 'NVD',
      });

      // Act
      const { severity } = normalize(event);

      // Assess
      expect(severity).toMatchObject({ score: 7.3, scoreSource: 'cvss-v3' });
    });

    it('scores with the highest CVSS v2 score when there is no v3 score', () => {
      // Prepare
      const event = structuredClone(ec2Closed);
      delete event.detail.inspectorScore;
      const details = event.detail.packageVulnerabilityDetails;
      if (details)
        details.cvss = [
          { baseScore: 2.6, version: '2.0', source: 'NVD' },
          { baseScore: 5.8, version: '2.0', source: 'REDHAT_CVE' },
          { baseScore: 8.7, version: '4.0', source: 'NVD' },
        ];

      // Act
      const { severity } = normalize(event);

      // Assess
      expect(severity).toMatchObject({
        label: 'MEDIUM',
        score: 5.8,
        scoreSource: 'cvss-v2',
      });
    });

    it('uses the provider label when there is neither inspectorScore nor a CVSS v2/v3 score', () => {
      // Prepare
      const event = structuredClone(ecrNoScore);

      // Act
      const { severity } = normalize(event);

      // Assess
      expect(severity).toEqual({
        label: 'MEDIUM',
        labelSource: 'provider-label',
        providerLabel: 'MEDIUM',
      });
    });

    it('keeps UNTRIAGED as UNTRIAGED, without a score', () => {
      // Prepare
      const event = structuredClone(ecrNoScore);
      event.detail.severity = 'UNTRIAGED';

      // Act
      const { severity } = normalize(event);

      // Assess
      expect(severity).toEqual({
        label: 'UNTRIAGED',
        labelSource: 'provider-label',
        providerLabel: 'UNTRIAGED',
      });
    });

    it.each([
      { case: 'above 10', inspectorScore: 12 },
      { case: 'below 0', inspectorScore: -1 },
    ])(
      'falls back to CVSS when inspectorScore is $case',
      ({ inspectorScore }) => {
        // Prepare
        const event = structuredClone(ec2Closed);
        event.detail.inspectorScore = inspectorScore;

        // Act
        const { severity } = normalize(event);

        // Assess
        expect(severity).toMatchObject({
          label: 'HIGH',
          score: 7.3,
          scoreSource: 'cvss-v3',
        });
      }
    );

    it('falls back to the provider label when inspectorScore is out of range and there is no CVSS', () => {
      // Prepare
      const event = structuredClone(ecrNoScore);
      event.detail.inspectorScore = 11;

      // Act
      const { severity } = normalize(event);

      // Assess
      expect(severity).toEqual({
        label: 'MEDIUM',
        labelSource: 'provider-label',
        providerLabel: 'MEDIUM',
      });
    });
  });

  describe('lifecycle', () => {
    it.each([
      { status: 'ACTIVE', lifecycle: 'OPEN' },
      { status: 'SUPPRESSED', lifecycle: 'SUPPRESSED' },
      { status: 'CLOSED', lifecycle: 'RESOLVED' },
    ] as const)(
      'maps status $status to $lifecycle',
      ({ status, lifecycle }) => {
        // Prepare
        const event = structuredClone(ec2Closed);
        event.detail.status = status;

        // Act
        const finding = normalize(event);

        // Assess
        expect(finding.status).toEqual({ lifecycle, provider: status });
      }
    );
  });

  describe('identity, region and partition', () => {
    it('uses the finding ARN as id, with the ARN region and partition', () => {
      // Prepare
      const event = structuredClone(ec2Closed);

      // Act
      const finding = normalize(event);

      // Assess
      expect(finding).toMatchObject({
        id: 'arn:aws:inspector2:eu-central-1:123456789012:finding/590c4fd42bb02c6c14d06c669753f6b7',
        source: 'inspector2',
        product: 'Inspector',
        company: 'Amazon',
        type: 'PACKAGE_VULNERABILITY',
        types: ['PACKAGE_VULNERABILITY'],
        accountId: '123456789012',
        region: 'eu-central-1',
        partition: 'aws',
      });
    });

    it('reads another partition from the finding ARN', () => {
      // Prepare
      const event = structuredClone(ec2Closed);
      event.detail.findingArn =
        'arn:aws-cn:inspector2:cn-north-1:123456789012:finding/590c4fd42bb02c6c14d06c669753f6b7';

      // Act
      const finding = normalize(event);

      // Assess
      expect(finding).toMatchObject({
        region: 'cn-north-1',
        partition: 'aws-cn',
      });
    });

    it('falls back to the resource region and partition when the id is not an ARN', () => {
      // Prepare
      const event = structuredClone(ec2Closed);
      event.detail.findingArn = 'finding-590c4fd4';
      const [resource] = event.detail.resources;
      if (resource) {
        resource.region = 'us-gov-west-1';
        resource.partition = 'aws-us-gov';
      }

      // Act
      const finding = normalize(event);

      // Assess
      expect(finding).toMatchObject({
        id: 'finding-590c4fd4',
        region: 'us-gov-west-1',
        partition: 'aws-us-gov',
      });
    });

    it('falls back to the envelope region, then to "unknown"', () => {
      // Prepare
      const event = structuredClone(ec2Closed);
      event.detail.findingArn = 'finding-590c4fd4';
      const [resource] = event.detail.resources;
      if (resource) delete resource.region;
      const withoutEnvelopeRegion = structuredClone(event);
      delete withoutEnvelopeRegion.region;

      // Act
      const fromEnvelope = normalize(event);
      const unknown = normalize(withoutEnvelopeRegion);

      // Assess
      expect(fromEnvelope.region).toBe('eu-central-1');
      expect(unknown.region).toBe('unknown');
    });

    it('drops the "N/A" region and partition of 2021 events from the resource', () => {
      // Prepare
      const event = anInspector2Event('ecr-package-vuln-medium-ecr-docs-2021');

      // Act
      const finding = normalize(event);

      // Assess
      expect(finding.resources[0]).not.toHaveProperty('region');
      expect(finding.resources[0]).not.toHaveProperty('partition');
      expect(finding.region).toBe('us-east-2');
    });
  });

  describe('resources', () => {
    it('names an EC2 instance by its Name tag, in the ASFF type vocabulary', () => {
      // Prepare
      const event = anInspector2Event(
        'ec2-network-reachability-ssh-workshop-tags'
      );

      // Act
      const [resource] = normalize(event).resources;

      // Assess
      expect(resource).toMatchObject({
        type: 'AwsEc2Instance',
        providerType: 'AWS_EC2_INSTANCE',
        id: 'i-0cc555cfcdf60a48f',
        name: 'Database Server for AZ1',
        region: 'eu-west-1',
        tags: expect.objectContaining({ NetworkReachabilityDemo: 'True' }),
        details: expect.objectContaining({
          imageId: 'ami-05247819264504af0',
          keyName: 'grey',
          platform: 'AMAZON_LINUX_2',
          ipV4Addresses: '34.245.90.167, 10.0.2.148',
        }),
      });
    });

    it('leaves an EC2 instance without a Name tag unnamed, with empty tags', () => {
      // Prepare
      const event = structuredClone(ec2Closed);

      // Act
      const [resource] = normalize(event).resources;

      // Assess
      expect(resource).not.toHaveProperty('name');
      expect(resource?.tags).toEqual({});
    });

    it('names an ECR image repository:tag', () => {
      // Prepare
      const event = structuredClone(ecrNoScore);

      // Act
      const [resource] = normalize(event).resources;

      // Assess
      expect(resource).toMatchObject({
        type: 'AwsEcrContainerImage',
        name: 'inspector2:ubuntu_latest',
        details: expect.objectContaining({
          repositoryName: 'inspector2',
          imageTags: 'ubuntu_latest',
          architecture: 'arm64',
        }),
      });
    });

    it('names an untagged ECR image by its repository', () => {
      // Prepare
      const event = structuredClone(ecrNoScore);
      const details = event.detail.resources[0]?.details;
      const image = details?.awsEcrContainerImage as Record<string, unknown>;
      image.imageTags = [];

      // Act
      const [resource] = normalize(event).resources;

      // Assess
      expect(resource?.name).toBe('inspector2');
    });

    it('names a Lambda function by its function name', () => {
      // Prepare
      const event = structuredClone(lambdaHigh);

      // Act
      const [resource] = normalize(event).resources;

      // Assess
      expect(resource).toMatchObject({
        type: 'AwsLambdaFunction',
        id: 'arn:aws:lambda:eu-central-1:123456789012:function:VulnerableFunction:$LATEST',
        name: 'VulnerableFunction',
        details: expect.objectContaining({
          runtime: 'PYTHON_3_11',
          version: '$LATEST',
        }),
      });
    });

    it.each([
      {
        file: 'azure-function-app-package-vuln-docs',
        type: 'AzureFunctionApp',
        name: 'example-functionapp',
      },
      {
        file: 'azure-vm-package-vuln-docs',
        type: 'AzureVirtualMachine',
        name: 'example-vm',
      },
      {
        file: 'azure-acr-image-package-vuln-docs',
        type: 'AzureContainerRegistryImage',
        name: 'inspector2:ubuntu_latest',
      },
    ])(
      'names the Azure resource of $file from its provider-agnostic details',
      ({ file, type, name }) => {
        // Prepare
        const event = anInspector2Event(file);

        // Act
        const [resource] = normalize(event).resources;

        // Assess
        expect(resource).toMatchObject({ type, name, region: 'eastus' });
      }
    );

    it('keeps an unknown resource type as the provider spelled it', () => {
      // Prepare
      const event = structuredClone(ec2Closed);
      const [original] = event.detail.resources;
      if (original) original.type = 'GCP_COMPUTE_INSTANCE';

      // Act
      const [resource] = normalize(event).resources;

      // Assess
      expect(resource).toMatchObject({
        type: 'GCP_COMPUTE_INSTANCE',
        providerType: 'GCP_COMPUTE_INSTANCE',
      });
    });
  });

  describe('vulnerability facts', () => {
    it('reads ids, CVSS, EPSS, fix and exploit flags and packages', () => {
      // Prepare
      const event = structuredClone(ec2Closed);

      // Act
      const { vulnerability } = normalize(event);

      // Assess
      expect(vulnerability).toEqual({
        ids: ['CVE-2024-29069', 'USN-6940-1'],
        source: 'UBUNTU_CVE',
        sourceUrl:
          'https://people.canonical.com/~ubuntu-security/cve/2024/CVE-2024-29069.html',
        vendorSeverity: 'medium',
        cvss: [
          {
            version: '3.1',
            baseScore: 4.8,
            vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:R/S:U/C:L/I:L/A:L',
            source: 'UBUNTU_CVE',
          },
          {
            version: '3.1',
            baseScore: 7.3,
            vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:R/S:U/C:H/I:H/A:H',
            source: 'NVD',
          },
        ],
        epss: 0.00043,
        exploitAvailable: false,
        fixAvailable: 'YES',
        packages: [
          {
            name: 'snapd',
            version: '2.63',
            fixedInVersion: '0:2.63+22.04ubuntu0.1',
            packageManager: 'OS',
            remediation: 'apt-get update && apt-get upgrade',
          },
        ],
        referenceUrls: [
          'https://www.cve.org/CVERecord?id=CVE-2024-29069',
          'https://ubuntu.com/security/notices/USN-6940-1',
        ],
      });
    });

    it('reads an available exploit with its last known date and the file path', () => {
      // Prepare
      const event = structuredClone(lambdaHigh);

      // Act
      const { vulnerability } = normalize(event);

      // Assess
      expect(vulnerability).toMatchObject({
        exploitAvailable: true,
        lastKnownExploitAt: '2024-08-31T00:04:50.000Z',
        packages: [
          {
            name: 'flask',
            version: '2.0.0',
            fixedInVersion: '2.3.2',
            packageManager: 'PIP',
            filePath: 'requirements.txt',
          },
        ],
      });
    });

    it('drops a fixed version and remediation of "NotAvailable"', () => {
      // Prepare
      const event = structuredClone(ec2Closed);
      const [pkg] =
        event.detail.packageVulnerabilityDetails?.vulnerablePackages ?? [];
      if (pkg) {
        pkg.fixedInVersion = 'NotAvailable';
        pkg.remediation = 'NotAvailable';
      }
      event.detail.fixAvailable = 'NO';

      // Act
      const { vulnerability } = normalize(event);

      // Assess
      expect(vulnerability?.fixAvailable).toBe('NO');
      expect(vulnerability?.packages).toEqual([
        { name: 'snapd', version: '2.63', packageManager: 'OS' },
      ]);
    });

    it('has no vulnerability facts for a network finding', () => {
      // Act
      const finding = normalize(structuredClone(network));

      // Assess
      expect(finding).not.toHaveProperty('vulnerability');
      expect(finding).not.toHaveProperty('code');
    });
  });

  describe('network and code facts', () => {
    it('reads the open port range, protocol and network path', () => {
      // Act
      const finding = normalize(structuredClone(network));

      // Assess
      expect(finding.type).toBe('NETWORK_REACHABILITY');
      expect(finding.network).toEqual({
        portRange: { begin: 22, end: 22 },
        protocol: 'TCP',
        path: [
          {
            componentId: 'igw-261bab4d',
            componentType: 'AWS::EC2::InternetGateway',
          },
          {
            componentId: 'acl-171b527d',
            componentType: 'AWS::EC2::NetworkAcl',
          },
          {
            componentId: 'sg-0d34debf87410f2d9',
            componentType: 'AWS::EC2::SecurityGroup',
          },
          {
            componentId: 'eni-094ad651219472857',
            componentType: 'AWS::EC2::NetworkInterface',
          },
          {
            componentId: 'i-12345678901234567',
            componentType: 'AWS::EC2::Instance',
          },
        ],
      });
    });

    it('reads CWEs, detector, rule and source location of a code finding', () => {
      // Act
      const finding = normalize(structuredClone(code));

      // Assess
      expect(finding.type).toBe('CODE_VULNERABILITY');
      expect(finding.code).toEqual({
        cwes: ['CWE-798'],
        detectorId: 'python/hardcoded-credentials@v1.0',
        detectorName: 'Hardcoded credentials',
        ruleId: 'python-detect-hardcoded-aws-credentials',
        fileName: 'lambda_function.py',
        filePath: 'lambda_function.py',
        startLine: 6,
        endLine: 6,
      });
    });

    it('types an unknown Inspector finding type as OTHER, keeping the original in types', () => {
      // Prepare
      const event = structuredClone(code);
      event.detail.type = 'SECRET_EXPOSURE';

      // Act
      const finding = normalize(event);

      // Assess
      expect(finding.type).toBe('OTHER');
      expect(finding.types).toEqual(['SECRET_EXPOSURE']);
    });
  });

  describe('text and time', () => {
    it('drops a "None Provided" recommendation and keeps a real one', () => {
      // Act
      const withPlaceholder = normalize(structuredClone(ec2Closed));
      const withText = normalize(structuredClone(network));

      // Assess
      expect(withPlaceholder.remediation?.text).toBeUndefined();
      expect(withText.remediation).toEqual({
        text: 'You can restrict access to your instance by modifying the Security Groups or ACLs in the network path.',
      });
    });

    it('reads first, last and updated times as ISO-8601 UTC', () => {
      // Act
      const finding = normalize(structuredClone(ec2Closed));

      // Assess
      expect(finding).toMatchObject({
        firstSeen: '2024-09-04T16:59:44.356Z',
        lastSeen: '2024-09-04T16:59:44.476Z',
        updatedAt: '2024-09-04T17:00:36.951Z',
      });
    });

    it('falls back from an unreadable updatedAt to lastObservedAt, then to the envelope time', () => {
      // Prepare
      const event = structuredClone(ec2Closed);
      event.detail.updatedAt = 'yesterday';
      const noTimes = structuredClone(event);
      delete noTimes.detail.lastObservedAt;

      // Act
      const fromLastObserved = normalize(event);
      const fromEnvelope = normalize(noTimes);

      // Assess
      expect(fromLastObserved.updatedAt).toBe('2024-09-04T16:59:44.476Z');
      expect(fromEnvelope.updatedAt).toBe('2024-09-04T17:00:36.000Z');
    });

    it('titles a finding without a title by its vulnerability id', () => {
      // Prepare
      const event = structuredClone(ec2Closed);
      delete event.detail.title;

      // Act
      const finding = normalize(event);

      // Assess
      expect(finding.title).toBe('CVE-2024-29069');
    });
  });
});
