import type { OcsfFinding } from '../events/ocsf-schema.js';
import { parseArn } from './arn.js';
import type { Finding, FindingType } from './finding.js';
import type { EnvelopeContext } from './from-inspector2.js';
import {
  epochToIso,
  ocsfCode,
  ocsfCompliance,
  ocsfCvss,
  ocsfResource,
  ocsfVulnerability,
} from './from-ocsf-parts.js';
import { ocsfSeverity, ocsfStatus } from './from-ocsf-state.js';
import { parseTimestamp } from './timestamps.js';
import { compact, meaningful } from './values.js';

/** OCSF classes Security Hub emits. */
const VULNERABILITY = 2002;
const COMPLIANCE = 2003;
const DETECTION = 2004;
const DATA_SECURITY = 2006;

const typeOf = (
  finding: OcsfFinding,
  hasCve: boolean,
  hasCode: boolean
): FindingType => {
  switch (finding.class_uid) {
    case VULNERABILITY:
      if (
        (finding.finding_info.types ?? []).some((type) =>
          type.includes('Network Reachability')
        )
      ) {
        return 'NETWORK_REACHABILITY';
      }
      return hasCode && !hasCve
        ? 'CODE_VULNERABILITY'
        : 'PACKAGE_VULNERABILITY';
    case COMPLIANCE:
      return 'SECURITY_CONTROL';
    case DETECTION:
      return 'THREAT_DETECTION';
    case DATA_SECURITY:
      return 'SENSITIVE_DATA';
    default:
      return 'OTHER';
  }
};

const productOf = (finding: OcsfFinding) => {
  const product = finding.metadata.product;
  const segment = product?.uid?.split('/').pop();
  return {
    product: product?.name || segment || 'unknown',
    company: product?.vendor_name || 'unknown',
  };
};

/**
 * Normalizes one OCSF finding from a "Findings Imported V2" event into the
 * Finding model. Identity is `finding_info.uid`: for Inspector findings the
 * finding ARN the Inspector2 event and the ASFF copy carry, so the three
 * feeds of one finding are one finding to dedup.
 */
export const fromOcsf = (
  finding: OcsfFinding,
  envelope: EnvelopeContext
): Finding => {
  const info = finding.finding_info;
  const idArn = parseArn(info.uid);
  const resources = (finding.resources ?? []).map(ocsfResource);
  const vulnerability = ocsfVulnerability(finding);
  const code = ocsfCode(finding);
  const { product, company } = productOf(finding);
  const cloud = finding.cloud;
  const firstOwner = finding.resources?.[0]?.owner?.account?.uid;
  const remediation = finding.remediation;
  const type = typeOf(finding, vulnerability !== undefined, code !== undefined);
  return compact({
    id: info.uid,
    source: 'securityhub',
    product,
    company,
    productArn: finding.metadata.product?.uid,
    type,
    types: info.types ?? [],
    title:
      meaningful(info.title) ??
      vulnerability?.ids[0] ??
      finding.class_name ??
      `OCSF class ${finding.class_uid}`,
    description: info.desc ?? '',
    severity: ocsfSeverity(finding, ocsfCvss(finding)),
    status: ocsfStatus(finding, product === 'Inspector'),
    accountId:
      cloud?.account?.uid || firstOwner || idArn?.accountId || 'unknown',
    region:
      cloud?.region ||
      idArn?.region ||
      resources[0]?.region ||
      envelope.region ||
      'unknown',
    partition:
      cloud?.cloud_partition ??
      resources[0]?.partition ??
      idArn?.partition ??
      'aws',
    resources,
    vulnerability,
    code: type === 'CODE_VULNERABILITY' ? code : undefined,
    compliance: ocsfCompliance(finding),
    remediation: remediation
      ? compact({
          text: meaningful(remediation.desc),
          url: remediation.references?.[0],
        })
      : undefined,
    sourceUrl: info.src_url,
    securityHubV2: compact({ metadataUid: finding.metadata.uid }),
    firstSeen: epochToIso(info.first_seen_time ?? info.created_time),
    lastSeen: epochToIso(info.last_seen_time),
    updatedAt:
      epochToIso(info.modified_time ?? finding.time) ??
      parseTimestamp(envelope.time) ??
      new Date(0).toISOString(),
  });
};
