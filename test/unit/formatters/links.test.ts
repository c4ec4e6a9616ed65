import { describe, expect, it } from 'vitest';
import { advisoryUrl } from '../../../src/formatters/advisory-links.js';
import {
  consoleBase,
  inspectorFindingUrl,
  providerFindingUrl,
  remediationUrl,
  resourceUrl,
  securityHubFindingUrl,
} from '../../../src/formatters/console-links.js';
import { safeHttpsUrl } from '../../../src/formatters/safe-url.js';
import { aFinding } from '../../helpers/a-finding.js';

describe('Function: consoleBase', () => {
  it.each([
    {
      partition: 'aws',
      region: 'eu-west-1',
      expected: 'https://console.aws.amazon.com',
    },
    {
      partition: 'aws-us-gov',
      region: 'us-gov-west-1',
      expected: 'https://console.amazonaws-us-gov.com',
    },
    {
      partition: 'aws-cn',
      region: 'cn-north-1',
      expected: 'https://console.amazonaws.cn',
    },
    {
      partition: undefined,
      region: 'cn-northwest-1',
      expected: 'https://console.amazonaws.cn',
    },
  ])(
    'uses the $partition console for $region',
    ({ partition, region, expected }) => {
      expect(consoleBase(partition, region)).toBe(expected);
    }
  );

  it.each([
    {
      case: 'a region of another partition',
      partition: 'aws',
      region: 'cn-north-1',
    },
    {
      case: 'an unknown partition',
      partition: 'aws-iso',
      region: 'us-iso-east-1',
    },
    {
      case: 'a malformed region',
      partition: 'aws',
      region: 'eu-west-1/../evil',
    },
    { case: 'N/A', partition: 'N/A', region: 'N/A' },
    { case: 'no region', partition: 'aws', region: undefined },
  ])('gives no console for $case', ({ partition, region }) => {
    expect(consoleBase(partition, region)).toBeUndefined();
  });
});

describe('Function: inspectorFindingUrl', () => {
  it('links the finding in its own region and partition', () => {
    // Prepare
    const finding = aFinding({
      id: 'arn:aws-us-gov:inspector2:us-gov-west-1:123456789012:finding/0123456789abcdef0123456789abcdef',
    });

    // Act
    const url = inspectorFindingUrl(finding);

    // Assess
    expect(url).toMatch(
      /^https:\/\/console\.amazonaws-us-gov\.com\/inspector\/v2\/home\?region=us-gov-west-1#\/findings\/all\?search=findingArn/
    );
    expect(url).toContain('finding%252F0123456789abcdef0123456789abcdef');
  });

  it.each([
    'arn:aws:inspector2:us-east-1:123456789012:finding/{{FINDING_ID}}',
    'arn:aws:inspector2:us-east-1:XXXXXXXXXXXX:finding/abc',
    'arn:aws:inspector2:cn-north-1:123456789012:finding/abc',
    'arn:aws:securityhub:us-east-1:123456789012:subscription/x',
  ])('builds no link from %s', (id) => {
    expect(inspectorFindingUrl(aFinding({ id }))).toBeUndefined();
  });
});

describe('Function: securityHubFindingUrl', () => {
  it('links Security Hub findings by Id, encoded', () => {
    // Prepare
    const finding = aFinding({
      source: 'securityhub',
      id: 'arn:aws:securityhub:us-east-2:123456789012:security-control/CloudTrail.2/finding/a<b>',
      region: 'us-east-2',
    });

    // Act
    const url = securityHubFindingUrl(finding);

    // Assess
    expect(url).toMatch(
      /^https:\/\/console\.aws\.amazon\.com\/securityhub\/home\?region=us-east-2#\/findings\?search=Id%3D/
    );
    expect(url).not.toMatch(/[<>|&]/);
  });

  it('gives none for findings that did not come through Security Hub', () => {
    expect(
      securityHubFindingUrl(aFinding({ source: 'inspector2' }))
    ).toBeUndefined();
  });
});

describe('Function: resourceUrl', () => {
  const finding = aFinding();
  const base = {
    providerType: '',
    tags: {},
    details: {},
    region: 'eu-west-1',
    partition: 'aws',
  };

  it.each([
    {
      type: 'AwsEc2Instance',
      id: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-0123456789abcdef0',
      expected:
        'https://console.aws.amazon.com/ec2/home?region=eu-west-1#InstanceDetails:instanceId=i-0123456789abcdef0',
    },
    {
      type: 'AwsLambdaFunction',
      id: 'arn:aws:lambda:eu-west-1:123456789012:function:my-fn:$LATEST',
      expected:
        'https://console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/my-fn',
    },
    {
      type: 'AwsS3Bucket',
      id: 'arn:aws:s3:::my-bucket',
      expected:
        'https://console.aws.amazon.com/s3/buckets/my-bucket?region=eu-west-1',
    },
  ])('links a $type', ({ type, id, expected }) => {
    expect(resourceUrl({ ...base, type, id }, finding)).toBe(expected);
  });

  it('links an ECR image to its repository', () => {
    expect(
      resourceUrl(
        {
          ...base,
          type: 'AwsEcrContainerImage',
          id: 'arn:aws:ecr:eu-west-1:123456789012:repository/team/app/sha256:abc',
          details: { repositoryName: 'team/app', registry: '123456789012' },
        },
        finding
      )
    ).toBe(
      'https://console.aws.amazon.com/ecr/repositories/private/123456789012/team/app?region=eu-west-1'
    );
  });

  it('links an ECR image from its ARN, whatever the details say', () => {
    expect(
      resourceUrl(
        {
          ...base,
          type: 'AwsEcrContainerImage',
          id: `arn:aws:ecr:eu-west-1:210987654321:repository/repo-os/sha256:${'a'.repeat(64)}`,
          details: { RepositoryName: 'repo-os' },
        },
        finding
      )
    ).toBe(
      'https://console.aws.amazon.com/ecr/repositories/private/210987654321/repo-os?region=eu-west-1'
    );
  });

  it.each([
    { type: 'AwsEc2Instance', id: 'i-<!channel>' },
    {
      type: 'AwsLambdaFunction',
      id: 'arn:aws:lambda:eu-west-1:123456789012:function:a|b',
    },
    { type: 'AwsS3Bucket', id: 'arn:aws:s3:::Bad_Bucket' },
    { type: 'AzureVirtualMachine', id: '/subscriptions/x/vm' },
  ])('builds no link from $type $id', ({ type, id }) => {
    expect(resourceUrl({ ...base, type, id }, finding)).toBeUndefined();
  });
});

describe('Function: advisoryUrl', () => {
  it.each([
    {
      id: 'CVE-2024-6387',
      expected: 'https://nvd.nist.gov/vuln/detail/CVE-2024-6387',
    },
    {
      id: 'GHSA-jfh8-c2jp-5v3q',
      expected: 'https://github.com/advisories/GHSA-jfh8-c2jp-5v3q',
    },
    {
      id: 'ALAS2-2024-2500',
      expected: 'https://alas.aws.amazon.com/AL2/ALAS-2024-2500.html',
    },
    {
      id: 'ALAS2023-2024-500',
      expected: 'https://alas.aws.amazon.com/AL2023/ALAS-2024-500.html',
    },
    {
      id: 'USN-6986-1',
      expected: 'https://ubuntu.com/security/notices/USN-6986-1',
    },
    {
      id: 'CWE-798',
      expected: 'https://cwe.mitre.org/data/definitions/798.html',
    },
  ])('links $id to its advisory', ({ id, expected }) => {
    expect(advisoryUrl(id)).toBe(expected);
  });

  it('uses the source URL only on a known advisory host', () => {
    expect(
      advisoryUrl('DSA-1', 'https://security-tracker.debian.org/tracker/DSA-1')
    ).toBe('https://security-tracker.debian.org/tracker/DSA-1');
    expect(advisoryUrl('DSA-1', 'https://evil.example/DSA-1')).toBeUndefined();
  });
});

describe('Function: safeHttpsUrl', () => {
  it.each([
    'http://nvd.nist.gov/x',
    'javascript:alert(1)',
    'https://user:pw@nvd.nist.gov/',
    'https://127.0.0.1/',
    'https://nvd.nist.gov/?a=1&b=2',
    `https://nvd.nist.gov/${'x'.repeat(3000)}`,
    'not a url',
  ])('refuses %s', (url) => {
    expect(safeHttpsUrl(url)).toBeUndefined();
  });

  it('percent-encodes what could break a Slack link', () => {
    expect(safeHttpsUrl('https://nvd.nist.gov/a|b<c> d')).toBe(
      'https://nvd.nist.gov/a%7Cb%3Cc%3E%20d'
    );
  });
});

describe('Function: providerFindingUrl', () => {
  it('links the provider console on the finding partition and region', () => {
    // Prepare
    const finding = aFinding({
      source: 'securityhub',
      region: 'us-west-2',
      sourceUrl:
        'https://console.aws.amazon.com/access-analyzer/home?region=us-west-2#/findings/details/dad90d5d',
    });

    // Act & Assess
    expect(providerFindingUrl(finding)).toBe(finding.sourceUrl);
  });

  it.each([
    { case: 'another host', url: 'https://evil.example/?region=us-west-2' },
    {
      case: 'another region',
      url: 'https://console.aws.amazon.com/x?region=eu-west-1',
    },
    {
      case: 'another partition',
      url: 'https://console.amazonaws.cn/x?region=us-west-2',
    },
  ])('gives none for $case', ({ url }) => {
    expect(
      providerFindingUrl(aFinding({ region: 'us-west-2', sourceUrl: url }))
    ).toBeUndefined();
  });
});

describe('Function: remediationUrl', () => {
  it('links AWS documentation only', () => {
    expect(
      remediationUrl(
        aFinding({
          remediation: {
            url: 'https://docs.aws.amazon.com/console/securityhub/CloudTrail.2/remediation',
          },
        })
      )
    ).toBe(
      'https://docs.aws.amazon.com/console/securityhub/CloudTrail.2/remediation'
    );
    expect(
      remediationUrl(
        aFinding({ remediation: { url: 'https://evil.example/fix' } })
      )
    ).toBeUndefined();
  });
});
