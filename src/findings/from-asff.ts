import type {
  AsffFinding,
  AsffResource,
  AsffVulnerability,
} from '../events/asff-schema.js';
import {
  parseScore,
  parseSeverityLabel,
  scoreToLabel,
} from '../events/severity.js';
import { parseArn } from './arn.js';
import type {
  ComplianceFacts,
  Finding,
  FindingStatus,
  FindingType,
  Lifecycle,
  Resource,
  Severity,
  VulnerabilityFacts,
} from './finding.js';
import { type EnvelopeContext, fixAvailable } from './from-inspector2.js';
import { labelOrScore } from './label-or-score.js';
import { PRODUCT_NAMES_BY_ARN } from './products.js';
import { cvssScore, probability } from './ranges.js';
import { parseTimestamp } from './timestamps.js';
import {
  compact,
  isObject,
  meaningful,
  pickText,
  textOf,
  yesNo,
} from './values.js';

const productOf = (finding: AsffFinding) => {
  const segments = /product\/([^/]+)\/([^/]+)$/.exec(finding.ProductArn);
  const company = segments?.[1];
  const product = segments?.[2];
  return {
    product:
      finding.ProductName ??
      finding.ProductFields?.['aws/securityhub/ProductName'] ??
      (product
        ? ((Object.hasOwn(PRODUCT_NAMES_BY_ARN, product)
            ? PRODUCT_NAMES_BY_ARN[product]
            : undefined) ?? product)
        : finding.ProductArn),
    company:
      finding.CompanyName ??
      finding.ProductFields?.['aws/securityhub/CompanyName'] ??
      (company === 'aws' ? 'AWS' : (company ?? 'unknown')),
  };
};

/**
 * The finding type from ASFF `Types` and shape. Inspector2 package findings
 * carry `Vulnerabilities`; controls carry `Compliance`; GuardDuty and Macie
 * use the `TTPs`, `Effects` and `Unusual Behaviors` namespaces.
 */
const typeOf = (finding: AsffFinding): FindingType => {
  const types = finding.Types;
  const has = (part: string) => types.some((type) => type.includes(part));
  if (has('/Vulnerabilities/CWE')) return 'CODE_VULNERABILITY';
  if (
    (finding.Vulnerabilities?.length ?? 0) > 0 ||
    has('/Vulnerabilities/CVE')
  ) {
    return 'PACKAGE_VULNERABILITY';
  }
  if (has('Network Reachability')) return 'NETWORK_REACHABILITY';
  if (finding.Compliance) return 'SECURITY_CONTROL';
  if (types.some((type) => /^(TTPs|Effects|Unusual Behaviors)\//.test(type))) {
    return 'THREAT_DETECTION';
  }
  if (has('External Access Granted')) return 'RESOURCE_ACCESS';
  return 'OTHER';
};

const vulnerabilityCvss = (vulnerability: AsffVulnerability | undefined) =>
  (vulnerability?.Cvss ?? []).flatMap((entry) => {
    const baseScore = cvssScore(parseScore(entry.BaseScore));
    return baseScore === undefined
      ? []
      : [
          compact({
            version: entry.Version ?? '',
            baseScore,
            vector: entry.BaseVector,
            source: entry.Source,
          }),
        ];
  });

/**
 * `Severity.Label` wins (people and automation rules may have set it); the
 * score is Inspector's `inspectorScore` product field, else `Normalized` / 10,
 * else a numeric `Original` on a 0–10 scale.
 */
const toSeverity = (finding: AsffFinding): Severity => {
  const { Severity: severity } = finding;
  const providerLabel =
    finding.FindingProviderFields?.Severity?.Label ?? severity.Label;
  const inspectorScore = parseScore(
    finding.ProductFields?.['aws/inspector/inspectorScore']
  );
  const normalized = parseScore(severity.Normalized);
  const original = parseScore(severity.Original);
  const scored =
    inspectorScore !== undefined && scoreToLabel(inspectorScore)
      ? { score: inspectorScore, scoreSource: 'inspectorScore' as const }
      : normalized !== undefined && scoreToLabel(normalized / 10)
        ? { score: normalized / 10, scoreSource: 'asff-normalized' as const }
        : original !== undefined && scoreToLabel(original)
          ? { score: original, scoreSource: 'asff-original' as const }
          : undefined;
  const rated = labelOrScore(
    parseSeverityLabel(severity.Label),
    scored,
    providerLabel
  );
  if (rated) return rated;
  // The schema requires a usable Label, Normalized or Original: unreachable.
  throw new Error(`Finding ${finding.Id} has no usable severity`);
};

const toStatus = (finding: AsffFinding): FindingStatus => {
  const provider = finding.ProductFields?.['aws/inspector/FindingStatus'];
  const workflow = finding.Workflow?.Status ?? finding.WorkflowState;
  const record = finding.RecordState;
  const compliance = finding.Compliance?.Status;
  const lifecycle: Lifecycle =
    record === 'ARCHIVED' ||
    provider === 'CLOSED' ||
    compliance === 'PASSED' ||
    workflow === 'RESOLVED'
      ? 'RESOLVED'
      : workflow === 'SUPPRESSED' || provider === 'SUPPRESSED'
        ? 'SUPPRESSED'
        : 'OPEN';
  return compact({ lifecycle, provider, workflow, record, compliance });
};

const RESOURCE_DETAIL_KEYS = [
  'Type',
  'ImageId',
  'Platform',
  'VpcId',
  'SubnetId',
  'IpV4Addresses',
  'RepositoryName',
  'ImageTags',
  'ImageDigest',
  'FunctionName',
  'Runtime',
  'Version',
  'BucketName',
  'UserName',
  'PolicyName',
  'Name',
];

const toResource = (resource: AsffResource): Resource => {
  const details = Object.values(resource.Details ?? {}).find(isObject);
  const picked = details
    ? Object.keys(details).some((key) => RESOURCE_DETAIL_KEYS.includes(key))
      ? pickText(details, RESOURCE_DETAIL_KEYS)
      : pickText(details, Object.keys(details).slice(0, 8))
    : {};
  const repository = picked.RepositoryName;
  const imageTag = Array.isArray(details?.ImageTags)
    ? textOf(details.ImageTags[0])
    : undefined;
  const name =
    resource.Tags?.Name ??
    picked.FunctionName ??
    (repository
      ? imageTag
        ? `${repository}:${imageTag}`
        : repository
      : undefined);
  return compact({
    type: resource.Type,
    providerType: resource.Type,
    id: resource.Id,
    name,
    partition: resource.Partition,
    region: resource.Region,
    tags: resource.Tags ?? {},
    details: picked,
  });
};

const toVulnerability = (
  finding: AsffFinding
): VulnerabilityFacts | undefined => {
  const vulnerabilities = finding.Vulnerabilities ?? [];
  const primary = vulnerabilities[0];
  if (!primary) return undefined;
  const ids = [
    ...vulnerabilities.map((vulnerability) => vulnerability.Id),
    ...vulnerabilities.flatMap(
      (vulnerability) => vulnerability.RelatedVulnerabilities ?? []
    ),
  ];
  return compact({
    ids: [...new Set(ids)],
    source: primary.Vendor?.Name,
    sourceUrl: primary.Vendor?.Url,
    vendorSeverity: primary.Vendor?.VendorSeverity,
    cvss: vulnerabilityCvss(primary),
    epss: probability(parseScore(primary.EpssScore)),
    exploitAvailable: yesNo(primary.ExploitAvailable),
    lastKnownExploitAt: parseTimestamp(primary.LastKnownExploitAt),
    fixAvailable: fixAvailable(primary.FixAvailable),
    packages: vulnerabilities.flatMap((vulnerability) =>
      (vulnerability.VulnerablePackages ?? []).flatMap((pkg) =>
        pkg.Name
          ? [
              compact({
                name: pkg.Name,
                version: pkg.Version,
                fixedInVersion: meaningful(pkg.FixedInVersion),
                packageManager: pkg.PackageManager,
                filePath: pkg.FilePath,
                remediation: meaningful(pkg.Remediation),
              }),
            ]
          : []
      )
    ),
    referenceUrls: primary.ReferenceUrls ?? [],
  });
};

const toCompliance = (finding: AsffFinding): ComplianceFacts | undefined => {
  const { Compliance: compliance, ProductFields: fields } = finding;
  if (!compliance) return undefined;
  const standards = (compliance.AssociatedStandards ?? []).map(
    (standard) => standard.StandardsId
  );
  const fromFields = fields?.StandardsArn ?? fields?.StandardsGuideArn;
  return compact({
    status: compliance.Status,
    controlId:
      compliance.SecurityControlId ?? fields?.ControlId ?? fields?.RuleId,
    standards:
      standards.length > 0 ? standards : fromFields ? [fromFields] : [],
    relatedRequirements: compliance.RelatedRequirements ?? [],
  });
};

/**
 * Normalizes one ASFF finding from any product. Inspector2 findings keep
 * their finding ARN (the ASFF `Id`) as identity, so the Security Hub copy and
 * the direct Inspector2 event are one finding.
 */
export const fromAsff = (
  finding: AsffFinding,
  envelope: EnvelopeContext
): Finding => {
  const idArn = parseArn(finding.Id);
  const productArn = parseArn(finding.ProductArn);
  const resources = finding.Resources.map(toResource);
  const recommendation = finding.Remediation?.Recommendation;
  return compact({
    id: finding.Id,
    source: 'securityhub',
    ...productOf(finding),
    productArn: finding.ProductArn,
    generatorId: finding.GeneratorId,
    type: typeOf(finding),
    types: finding.Types,
    title: finding.Title,
    description: finding.Description,
    severity: toSeverity(finding),
    status: toStatus(finding),
    accountId: finding.AwsAccountId,
    region:
      finding.Region ||
      productArn?.region ||
      idArn?.region ||
      resources[0]?.region ||
      envelope.region ||
      'unknown',
    partition: productArn?.partition ?? resources[0]?.partition ?? 'aws',
    resources,
    vulnerability: toVulnerability(finding),
    compliance: toCompliance(finding),
    remediation: recommendation
      ? compact({
          text: meaningful(recommendation.Text),
          url: recommendation.Url,
        })
      : undefined,
    sourceUrl: finding.SourceUrl,
    firstSeen:
      parseTimestamp(finding.FirstObservedAt) ??
      parseTimestamp(finding.CreatedAt),
    lastSeen: parseTimestamp(finding.LastObservedAt),
    updatedAt:
      parseTimestamp(finding.UpdatedAt) ??
      parseTimestamp(envelope.time) ??
      new Date(0).toISOString(),
  });
};
