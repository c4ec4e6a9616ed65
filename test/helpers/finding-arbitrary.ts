import * as fc from 'fast-check';
import type { Finding, FindingType } from '../../src/findings/finding.js';
import type { RenderContext } from '../../src/formatters/formatter.js';
import { aFinding } from './a-finding.js';

/** Strings an attacker would try in a finding's text. */
export const HOSTILE = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U012AB3CD>',
  '<!subteam^S123>',
  '<#C123>',
  '<https://evil.example|Open the AWS console>',
  '<https://x|y>',
  '@channel @here',
  '&lt;!channel&gt;',
  '&amp;',
  '*bold* _it_ ~s~ `code` ```block```',
  '\u202eevil\u202c',
  '\u0000\u0007\u001b[31m\u007f\u0085',
  '\r\n\t\u2028',
  '\ud800',
  '\udc00x',
  '😀👩‍👩‍👧',
  'https://evil.example/?a=<b>&c',
  'javascript:alert(1)',
  ']',
  '|',
] as const;

/** Any text: random Unicode (lone surrogates included), hostile pieces, mixes. */
export const text = (maxLength = 300): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({
      unit: fc
        .integer({ min: 0, max: 0xffff })
        .map((code) => String.fromCharCode(code)),
      maxLength,
    }),
    fc.constantFrom(...HOSTILE),
    fc
      .array(
        fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 20 })),
        {
          maxLength: 12,
        }
      )
      .map((parts) => parts.join(''))
  );

const TYPES: FindingType[] = [
  'PACKAGE_VULNERABILITY',
  'NETWORK_REACHABILITY',
  'CODE_VULNERABILITY',
  'SECURITY_CONTROL',
  'THREAT_DETECTION',
  'RESOURCE_ACCESS',
  'OTHER',
];
const LABELS = [
  'INFORMATIONAL',
  'LOW',
  'MEDIUM',
  'HIGH',
  'CRITICAL',
  'UNTRIAGED',
] as const;

const region = fc.oneof(
  fc.constantFrom('eu-west-1', 'us-gov-west-1', 'cn-north-1', 'us-east-1'),
  text(40)
);
const partition = fc.oneof(
  fc.constantFrom('aws', 'aws-us-gov', 'aws-cn'),
  text(20)
);

const resource = fc.record({
  type: fc.oneof(
    fc.constantFrom(
      'AwsEc2Instance',
      'AwsEcrContainerImage',
      'AwsLambdaFunction',
      'AwsS3Bucket'
    ),
    text(40)
  ),
  providerType: text(40),
  id: fc.oneof(
    fc.constantFrom(
      'i-0123456789abcdef0',
      'arn:aws:lambda:eu-west-1:123456789012:function:fn:$LATEST',
      'arn:aws:s3:::my-bucket'
    ),
    text(200)
  ),
  name: fc.option(text(100), { nil: undefined }),
  region: fc.option(region, { nil: undefined }),
  partition: fc.option(partition, { nil: undefined }),
  tags: fc.dictionary(text(20), text(40), { maxKeys: 3 }),
  details: fc.dictionary(
    fc.oneof(fc.constantFrom('repositoryName', 'registry'), text(20)),
    text(60),
    { maxKeys: 4 }
  ),
});

const vulnerablePackage = fc.record({
  name: text(80),
  version: fc.option(text(40), { nil: undefined }),
  fixedInVersion: fc.option(fc.oneof(fc.constant('NotAvailable'), text(40)), {
    nil: undefined,
  }),
  packageManager: fc.option(text(20), { nil: undefined }),
  filePath: fc.option(text(120), { nil: undefined }),
  remediation: fc.option(text(120), { nil: undefined }),
});

/** An arbitrary finding: every text field untrusted. */
export const arbitraryFinding = (
  options: { maxPackages?: number; maxDescription?: number } = {}
): fc.Arbitrary<Finding> =>
  fc
    .record({
      id: fc.oneof(
        fc.constant(
          'arn:aws:inspector2:eu-west-1:123456789012:finding/0123456789abcdef0123456789abcdef'
        ),
        text(600)
      ),
      source: fc.constantFrom('inspector2' as const, 'securityhub' as const),
      product: text(60),
      company: text(40),
      type: fc.constantFrom(...TYPES),
      types: fc.array(text(80), { maxLength: 3 }),
      title: text(400),
      description: text(options.maxDescription ?? 3000),
      label: fc.constantFrom(...LABELS),
      score: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), {
        nil: undefined,
      }),
      accountId: text(20),
      region,
      partition,
      resources: fc.array(resource, { maxLength: 3 }),
      ids: fc.array(text(40), { maxLength: 4 }),
      sourceUrl: fc.option(text(100), { nil: undefined }),
      packages: fc.array(vulnerablePackage, {
        maxLength: options.maxPackages ?? 30,
      }),
      path: fc.array(
        fc.record({ componentId: text(60), componentType: text(60) }),
        {
          maxLength: 8,
        }
      ),
      cwes: fc.array(text(20), { maxLength: 3 }),
      file: text(200),
      standards: fc.array(text(100), { maxLength: 20 }),
      remediation: fc.option(text(600), { nil: undefined }),
      remediationUrl: fc.option(text(100), { nil: undefined }),
    })
    .map(
      (raw): Finding =>
        aFinding({
          id: raw.id,
          source: raw.source,
          product: raw.product,
          company: raw.company,
          type: raw.type,
          types: raw.types,
          title: raw.title,
          description: raw.description,
          severity: {
            label: raw.label,
            labelSource: 'score',
            ...(raw.score === undefined
              ? {}
              : { score: raw.score, scoreSource: 'inspectorScore' }),
          },
          status: { lifecycle: 'OPEN', provider: 'ACTIVE' },
          accountId: raw.accountId,
          region: raw.region,
          partition: raw.partition,
          resources: raw.resources,
          vulnerability: {
            ids: raw.ids,
            ...(raw.sourceUrl === undefined
              ? {}
              : { sourceUrl: raw.sourceUrl }),
            cvss: [{ version: '3.1', baseScore: 7.5 }],
            epss: 0.5,
            exploitAvailable: true,
            fixAvailable: 'PARTIAL',
            packages: raw.packages,
            referenceUrls: [],
          },
          network: {
            portRange: { begin: 22, end: 80 },
            protocol: 'TCP',
            path: raw.path,
          },
          code: {
            cwes: raw.cwes,
            filePath: raw.file,
            startLine: 1,
            endLine: 3,
          },
          compliance: {
            standards: raw.standards,
            relatedRequirements: raw.standards,
          },
          ...(raw.remediation === undefined
            ? {}
            : {
                remediation: {
                  text: raw.remediation,
                  ...(raw.remediationUrl ? { url: raw.remediationUrl } : {}),
                },
              }),
          updatedAt: '2024-07-01T00:00:00.000Z',
        })
    );

export const arbitraryContext: fc.Arbitrary<RenderContext> = fc.record({
  route: fc.constantFrom('security', 'r-1'),
  variant: fc.constantFrom('new', 'escalated', 'resolved', 'reminder'),
  previousSeverity: fc.constantFrom(...LABELS),
});
