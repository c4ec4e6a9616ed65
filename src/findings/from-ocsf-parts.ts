import type {
  OcsfFinding,
  OcsfResource,
  OcsfVulnerability,
} from '../events/ocsf-schema.js';
import { parseScore } from '../events/severity.js';
import type {
  CodeFacts,
  ComplianceFacts,
  Cvss,
  Resource,
  VulnerabilityFacts,
  VulnerablePackage,
} from './finding.js';
import { ocsfComplianceStatus } from './from-ocsf-state.js';
import { canonicalResourceType } from './resource-types.js';
import { compact, isObject, meaningful, pickText } from './values.js';

/** Epoch milliseconds → ISO-8601; anything out of Date's range → undefined. */
export const epochToIso = (ms: number | undefined): string | undefined =>
  ms !== undefined && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15
    ? new Date(ms).toISOString()
    : undefined;

const DETAIL_KEYS = [
  'type',
  'imageId',
  'platform',
  'vpcId',
  'subnetId',
  'ipV4Addresses',
  'registry',
  'repositoryName',
  'imageTags',
  'functionName',
  'runtime',
  'version',
  'packageType',
  'architectures',
  'user_name',
  'user_type',
];

/**
 * Key facts from a resource's `data`: the provider's details object
 * (`awsEc2InstanceDetails`, ...) when there is one, else `data` itself.
 */
const detailsOf = (data: OcsfResource['data']): Record<string, string> => {
  if (!data) return {};
  const nested = Object.values(data).find(isObject);
  const source = nested ?? data;
  const picked = pickText(source, DETAIL_KEYS);
  return Object.keys(picked).length > 0
    ? picked
    : pickText(source, Object.keys(source).slice(0, 8));
};

/**
 * One resource. The id is the ARN when OCSF gives one (`uid_alt` for Lambda
 * functions and SQS queues, whose `uid` is a name or URL); the type is
 * mapped to ASFF's name (`AWS::EC2::Instance` → `AwsEc2Instance`).
 */
export const ocsfResource = (resource: OcsfResource): Resource => {
  // fromEntries defines own properties: a tag named `__proto__` stays a tag.
  const tags: Record<string, string> = Object.fromEntries(
    (resource.tags ?? []).map((tag) => [tag.name, tag.value ?? ''])
  );
  const id =
    resource.uid_alt?.startsWith('arn:') === true
      ? resource.uid_alt
      : (resource.uid ?? resource.uid_alt ?? resource.name ?? 'unknown');
  const details = detailsOf(resource.data);
  const providerType = resource.type ?? 'Other';
  return compact({
    type: canonicalResourceType(providerType),
    providerType,
    id,
    name: tags.Name || resource.name || details.functionName,
    partition: resource.cloud_partition,
    region: resource.region,
    tags,
    details,
  });
};

const cvssOf = (vulnerability: OcsfVulnerability): Cvss[] =>
  (vulnerability.cve?.cvss ?? []).map((entry) =>
    compact({
      version: entry.version ?? '',
      baseScore: entry.base_score,
      vector: entry.vector_string,
      source: entry.vendor_name,
    })
  );

/** Every CVSS entry of every vulnerability (the severity's score reads them). */
export const ocsfCvss = (finding: OcsfFinding): Cvss[] =>
  (finding.vulnerabilities ?? []).flatMap(cvssOf);

const packagesOf = (vulnerability: OcsfVulnerability): VulnerablePackage[] =>
  (vulnerability.affected_packages ?? vulnerability.packages ?? []).flatMap(
    (pkg) =>
      pkg.name
        ? [
            compact({
              name: pkg.name,
              version: pkg.version,
              fixedInVersion: meaningful(pkg.fixed_in_version),
              packageManager: pkg.package_manager,
              filePath: pkg.path,
              remediation: meaningful(pkg.remediation?.desc),
            }),
          ]
        : []
  );

const fixOf = (
  vulnerability: OcsfVulnerability
): VulnerabilityFacts['fixAvailable'] => {
  const fix = vulnerability.is_fix_available ?? vulnerability.fix_available;
  if (fix === undefined) return undefined;
  if (!fix) return 'NO';
  return vulnerability.fix_coverage?.toLowerCase() === 'partial'
    ? 'PARTIAL'
    : 'YES';
};

const epssOf = (vulnerability: OcsfVulnerability): number | undefined => {
  const epss = parseScore(vulnerability.cve?.epss?.score);
  return epss !== undefined && epss >= 0 && epss <= 1 ? epss : undefined;
};

/** CVE, CVSS, EPSS, packages, fix and exploit facts of package findings. */
export const ocsfVulnerability = (
  finding: OcsfFinding
): VulnerabilityFacts | undefined => {
  const vulnerabilities = (finding.vulnerabilities ?? []).filter(
    (vulnerability) => vulnerability.cve?.uid
  );
  const primary = vulnerabilities[0];
  if (!primary) return undefined;
  const ids = vulnerabilities.flatMap((vulnerability) => [
    vulnerability.cve?.uid ?? '',
    ...(vulnerability.related_vulnerabilities ?? []),
  ]);
  return compact({
    ids: [...new Set(ids)],
    source: primary.vendor_name,
    sourceUrl: primary.references?.[0],
    vendorSeverity: primary.severity,
    cvss: cvssOf(primary),
    epss: epssOf(primary),
    exploitAvailable: primary.is_exploit_available,
    lastKnownExploitAt: epochToIso(primary.exploit_last_seen_time),
    fixAvailable: fixOf(primary),
    packages: vulnerabilities.flatMap(packagesOf),
    referenceUrls: primary.references ?? [],
  });
};

/** CWE, file and lines of code findings (a vulnerability without a CVE). */
export const ocsfCode = (finding: OcsfFinding): CodeFacts | undefined => {
  const vulnerability = (finding.vulnerabilities ?? []).find(
    (entry) => entry.cwe?.uid && !entry.cve?.uid
  );
  if (!vulnerability) return undefined;
  const code = vulnerability.affected_code?.[0];
  return compact({
    cwes: [vulnerability.cwe?.uid ?? ''],
    detectorName: vulnerability.cwe?.caption,
    fileName: code?.file?.name,
    filePath: code?.file?.path,
    startLine: code?.start_line,
    endLine: code?.end_line,
  });
};

/** Control id, status (ASFF vocabulary), standards and requirements. */
export const ocsfCompliance = (
  finding: OcsfFinding
): ComplianceFacts | undefined => {
  const compliance = finding.compliance;
  if (!compliance) return undefined;
  return compact({
    status: ocsfComplianceStatus(finding),
    controlId: compliance.control,
    standards: compliance.standards ?? [],
    relatedRequirements: compliance.requirements ?? [],
  });
};
