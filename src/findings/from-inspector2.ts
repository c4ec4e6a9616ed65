import type {
  Inspector2Finding,
  Inspector2Resource,
} from '../events/inspector2-schema.js';
import { parseSeverityLabel, scoreToLabel } from '../events/severity.js';
import { parseArn } from './arn.js';
import { highestCvss } from './cvss.js';
import type {
  Finding,
  FindingType,
  Lifecycle,
  Resource,
  Severity,
  VulnerabilityFacts,
} from './finding.js';
import { INSPECTOR_PRODUCT } from './products.js';
import { cvssScore, lineNumber, portRange, probability } from './ranges.js';
import { canonicalResourceType } from './resource-types.js';
import { parseTimestamp } from './timestamps.js';
import {
  compact,
  meaningful,
  objectAt,
  pickText,
  textOf,
  yesNo,
} from './values.js';

/** What the envelope adds: the fallbacks for region and time. */
export type EnvelopeContext = {
  readonly region?: string;
  readonly time?: string;
};

const INSPECTOR_TYPES: readonly FindingType[] = [
  'PACKAGE_VULNERABILITY',
  'NETWORK_REACHABILITY',
  'CODE_VULNERABILITY',
];

const LIFECYCLE: Record<string, Lifecycle> = {
  ACTIVE: 'OPEN',
  SUPPRESSED: 'SUPPRESSED',
  CLOSED: 'RESOLVED',
};

const DETAIL_KEYS = {
  awsEc2Instance: [
    'type',
    'imageId',
    'platform',
    'vpcId',
    'subnetId',
    'keyName',
    'ipV4Addresses',
  ],
  awsEcrContainerImage: [
    'registry',
    'repositoryName',
    'imageTags',
    'imageHash',
    'platform',
    'architecture',
    'pushedAt',
  ],
  awsLambdaFunction: [
    'functionName',
    'runtime',
    'version',
    'packageType',
    'architectures',
  ],
  vm: ['vmName', 'type', 'vmImageReference', 'platform', 'networkId'],
  image: ['registry', 'repositoryName', 'imageTags', 'imageDigest', 'platform'],
  serverlessFunction: ['serverlessFunctionName', 'runtime', 'version'],
} as const satisfies Record<string, readonly string[]>;

/** The first details object Inspector sent, AWS-specific ones first. */
const resourceDetails = (resource: Inspector2Resource) => {
  for (const [key, keys] of Object.entries(DETAIL_KEYS)) {
    const details = objectAt(resource.details, key);
    if (details) return { details, picked: pickText(details, keys) };
  }
  return { details: undefined, picked: {} };
};

const resourceName = (
  resource: Inspector2Resource,
  details: Record<string, unknown> | undefined
): string | undefined => {
  const nameTag = resource.tags?.Name;
  if (nameTag) return nameTag;
  // AWS-specific details say `functionName`; the provider-agnostic ones
  // (Azure resources) say `serverlessFunctionName` and `vmName`.
  const functionName =
    textOf(details?.functionName) ?? textOf(details?.serverlessFunctionName);
  if (functionName) return functionName;
  const vmName = textOf(details?.vmName);
  if (vmName) return vmName;
  const repository = textOf(details?.repositoryName);
  if (repository) {
    const tags = details?.imageTags;
    const tag = Array.isArray(tags) ? textOf(tags[0]) : undefined;
    return tag ? `${repository}:${tag}` : repository;
  }
  return undefined;
};

const toResource = (resource: Inspector2Resource): Resource => {
  const { details, picked } = resourceDetails(resource);
  return compact({
    type: canonicalResourceType(resource.type),
    providerType: resource.type,
    id: resource.id,
    name: resourceName(resource, details),
    partition: meaningful(resource.partition),
    region: meaningful(resource.region),
    tags: resource.tags ?? {},
    details: picked,
  });
};

const toSeverity = (
  detail: Inspector2Finding,
  cvss: VulnerabilityFacts['cvss']
): Severity => {
  const providerLabel = detail.severity;
  const inspectorLabel =
    detail.inspectorScore === undefined
      ? undefined
      : scoreToLabel(detail.inspectorScore);
  if (detail.inspectorScore !== undefined && inspectorLabel) {
    return {
      label: inspectorLabel,
      labelSource: 'score',
      score: detail.inspectorScore,
      scoreSource: 'inspectorScore',
      providerLabel,
    };
  }
  const best = highestCvss(cvss);
  const cvssLabel = best ? scoreToLabel(best.score) : undefined;
  if (best && cvssLabel) {
    return {
      label: cvssLabel,
      labelSource: 'score',
      score: best.score,
      scoreSource: best.source,
      providerLabel,
    };
  }
  return {
    // The schema admits only Inspector's six labels, so this never falls through.
    label: parseSeverityLabel(providerLabel) ?? 'UNTRIAGED',
    labelSource: 'provider-label',
    providerLabel,
  };
};

const toVulnerability = (
  detail: Inspector2Finding
): VulnerabilityFacts | undefined => {
  const pvd = detail.packageVulnerabilityDetails;
  if (!pvd) return undefined;
  return compact({
    ids: [pvd.vulnerabilityId, ...(pvd.relatedVulnerabilities ?? [])],
    source: pvd.source,
    sourceUrl: pvd.sourceUrl,
    vendorSeverity: pvd.vendorSeverity,
    cvss: (pvd.cvss ?? []).flatMap((entry) => {
      const baseScore = cvssScore(entry.baseScore);
      return baseScore === undefined
        ? []
        : [
            compact({
              version: entry.version,
              baseScore,
              vector: entry.scoringVector,
              source: entry.source,
            }),
          ];
    }),
    epss: probability(detail.epss?.score),
    exploitAvailable: yesNo(detail.exploitAvailable),
    lastKnownExploitAt: parseTimestamp(
      detail.exploitabilityDetails?.lastKnownExploitAt
    ),
    fixAvailable: fixAvailable(detail.fixAvailable),
    packages: (pvd.vulnerablePackages ?? []).map((pkg) =>
      compact({
        name: pkg.name,
        version: pkg.version,
        fixedInVersion: meaningful(pkg.fixedInVersion),
        packageManager: pkg.packageManager,
        filePath: pkg.filePath,
        remediation: meaningful(pkg.remediation),
      })
    ),
    referenceUrls: pvd.referenceUrls ?? [],
  });
};

/** `YES` / `NO` / `PARTIAL`, or undefined for anything else. */
export const fixAvailable = (
  value: string | undefined
): VulnerabilityFacts['fixAvailable'] => {
  const upper = value?.toUpperCase();
  return upper === 'YES' || upper === 'NO' || upper === 'PARTIAL'
    ? upper
    : undefined;
};

const toNetwork = (detail: Inspector2Finding): Finding['network'] => {
  const nrd = detail.networkReachabilityDetails;
  if (!nrd) return undefined;
  return compact({
    portRange: portRange(nrd.openPortRange.begin, nrd.openPortRange.end),
    protocol: nrd.protocol,
    path: (nrd.networkPath?.steps ?? []).map(
      ({ componentId, componentType }) => ({
        componentId,
        componentType,
      })
    ),
  });
};

const toCode = (detail: Inspector2Finding): Finding['code'] => {
  const cvd = detail.codeVulnerabilityDetails;
  if (!cvd) return undefined;
  return compact({
    cwes: cvd.cwes ?? [],
    detectorId: cvd.detectorId,
    detectorName: cvd.detectorName,
    ruleId: cvd.ruleId,
    fileName: cvd.filePath?.fileName,
    filePath: cvd.filePath?.filePath,
    startLine: lineNumber(cvd.filePath?.startLine),
    endLine: lineNumber(cvd.filePath?.endLine),
  });
};

/**
 * Normalizes the `detail` of an "Inspector2 Finding" event (or an
 * Inspector2 API `Finding`). Severity: `inspectorScore`, else the highest
 * CVSS base score (v3 preferred), else Inspector's label; UNTRIAGED stays
 * UNTRIAGED.
 */
export const fromInspector2 = (
  detail: Inspector2Finding,
  envelope: EnvelopeContext
): Finding => {
  const arn = parseArn(detail.findingArn);
  const resources = detail.resources.map(toResource);
  const vulnerability = toVulnerability(detail);
  const updatedAt =
    parseTimestamp(detail.updatedAt) ??
    parseTimestamp(detail.lastObservedAt) ??
    parseTimestamp(envelope.time) ??
    new Date(0).toISOString();
  const type =
    INSPECTOR_TYPES.find((known) => known === detail.type) ?? 'OTHER';
  const recommendation = detail.remediation?.recommendation;
  return compact({
    id: detail.findingArn,
    source: 'inspector2',
    product: INSPECTOR_PRODUCT,
    company: 'Amazon',
    type,
    types: [detail.type],
    title: detail.title ?? vulnerability?.ids[0] ?? detail.type,
    description: detail.description ?? '',
    severity: toSeverity(detail, vulnerability?.cvss ?? []),
    status: {
      lifecycle: LIFECYCLE[detail.status] ?? 'OPEN',
      provider: detail.status,
    },
    accountId: detail.awsAccountId,
    region: arn?.region || resources[0]?.region || envelope.region || 'unknown',
    partition: arn?.partition ?? resources[0]?.partition ?? 'aws',
    resources,
    vulnerability,
    network: toNetwork(detail),
    code: toCode(detail),
    remediation: recommendation
      ? compact({
          text: meaningful(recommendation.text),
          url: recommendation.Url,
        })
      : undefined,
    firstSeen: parseTimestamp(detail.firstObservedAt),
    lastSeen: parseTimestamp(detail.lastObservedAt),
    updatedAt,
  });
};
