import type { OcsfFinding } from '../events/ocsf-schema.js';
import type { SeverityLabel } from '../events/severity.js';
import { scoreToLabel } from '../events/severity.js';
import { highestCvss } from './cvss.js';
import type { Cvss, FindingStatus, Lifecycle, Severity } from './finding.js';
import { labelOrScore } from './label-or-score.js';
import { compact } from './values.js';

/** OCSF `severity_id` → label; 6 (Fatal) is CRITICAL; 0 and 99 have none. */
const LABEL_BY_SEVERITY_ID: Readonly<Record<number, SeverityLabel>> = {
  1: 'INFORMATIONAL',
  2: 'LOW',
  3: 'MEDIUM',
  4: 'HIGH',
  5: 'CRITICAL',
  6: 'CRITICAL',
};

/**
 * The label from `severity_id` (people and automation rules may have set
 * it, like ASFF's `Severity.Label`); the score is the highest CVSS base
 * score (v3 preferred). `severity_id` 0 (Unknown) and 99 (Other) fall back
 * to that score, then to the provider's own `vendor_attributes.severity_id`;
 * with none of them the finding is UNTRIAGED (nobody has rated it).
 */
export const ocsfSeverity = (
  finding: OcsfFinding,
  cvss: readonly Cvss[]
): Severity => {
  const vendor = finding.vendor_attributes;
  const providerLabel = (vendor?.severity ?? finding.severity)?.toUpperCase();
  const best = highestCvss(cvss);
  const scored =
    best && scoreToLabel(best.score)
      ? { score: best.score, scoreSource: best.source }
      : undefined;
  const rated = labelOrScore(
    LABEL_BY_SEVERITY_ID[finding.severity_id],
    scored,
    providerLabel
  );
  if (rated) return rated;
  const vendorLabel =
    vendor?.severity_id === undefined
      ? undefined
      : LABEL_BY_SEVERITY_ID[vendor.severity_id];
  return compact({
    label: vendorLabel ?? 'UNTRIAGED',
    labelSource: 'provider-label',
    providerLabel,
  });
};

/** OCSF `status_id` → lifecycle and the ASFF-named workflow / record facets. */
const STATUS_BY_ID: Readonly<
  Record<
    number,
    { lifecycle: Lifecycle; workflow?: string; record: 'ACTIVE' | 'ARCHIVED' }
  >
> = {
  1: { lifecycle: 'OPEN', workflow: 'NEW', record: 'ACTIVE' },
  2: { lifecycle: 'OPEN', workflow: 'NOTIFIED', record: 'ACTIVE' },
  3: { lifecycle: 'SUPPRESSED', workflow: 'SUPPRESSED', record: 'ACTIVE' },
  4: { lifecycle: 'RESOLVED', workflow: 'RESOLVED', record: 'ACTIVE' },
  5: { lifecycle: 'RESOLVED', record: 'ARCHIVED' },
  6: { lifecycle: 'RESOLVED', record: 'ARCHIVED' },
};

/** OCSF `compliance.status_id` → ASFF `Compliance.Status`. */
const COMPLIANCE_BY_ID: Readonly<Record<number, string>> = {
  1: 'PASSED',
  2: 'WARNING',
  3: 'FAILED',
};

const COMPLIANCE_BY_NAME: Readonly<Record<string, string>> = {
  pass: 'PASSED',
  warning: 'WARNING',
  fail: 'FAILED',
};

/** The compliance status in ASFF's vocabulary, when the finding has one. */
export const ocsfComplianceStatus = (
  finding: OcsfFinding
): string | undefined => {
  const compliance = finding.compliance;
  if (!compliance) return undefined;
  const byId =
    compliance.status_id === undefined
      ? undefined
      : COMPLIANCE_BY_ID[compliance.status_id];
  const byName = compliance.status
    ? COMPLIANCE_BY_NAME[compliance.status.trim().toLowerCase()]
    : undefined;
  return byId ?? byName ?? 'NOT_AVAILABLE';
};

/** OCSF `activity_id` 3: the provider closed the finding. */
const CLOSE = 3;

/**
 * Lifecycle and facets of an OCSF finding, so `status` conditions, the
 * default "open and NEW" rule and `announceResolutions` mean the same as for
 * ASFF (docs/formats.md has the table):
 * - `status_id` New / In Progress → OPEN with workflow NEW / NOTIFIED;
 *   Suppressed → SUPPRESSED; Resolved → RESOLVED; Archived and Deleted →
 *   RESOLVED with record ARCHIVED; Unknown, Other or absent → OPEN;
 * - a Close activity (`activity_id` 3) or a passed control is RESOLVED
 *   whatever the status says (Security Hub treats it as closed);
 * - Inspector findings also get the provider facet (ACTIVE, SUPPRESSED,
 *   CLOSED), as their ASFF copy does.
 */
export const ocsfStatus = (
  finding: OcsfFinding,
  isInspector: boolean
): FindingStatus => {
  const byId =
    finding.status_id === undefined
      ? undefined
      : STATUS_BY_ID[finding.status_id];
  const compliance = ocsfComplianceStatus(finding);
  const closed = finding.activity_id === CLOSE;
  const lifecycle: Lifecycle =
    closed || compliance === 'PASSED'
      ? 'RESOLVED'
      : (byId?.lifecycle ?? 'OPEN');
  const provider = isInspector
    ? lifecycle === 'RESOLVED'
      ? 'CLOSED'
      : lifecycle === 'SUPPRESSED'
        ? 'SUPPRESSED'
        : 'ACTIVE'
    : undefined;
  return compact({
    lifecycle,
    provider,
    workflow: byId?.workflow,
    record: byId?.record ?? 'ACTIVE',
    compliance,
  });
};
