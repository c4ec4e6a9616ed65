import type { RejectedItem } from '../events/each-item.js';
import type { Envelope } from '../events/envelope-schema.js';
import { describeIssues } from '../events/issue-path.js';
import { safeParse } from '../events/safe-parse.js';
import { SEVERITY_LABELS, type SeverityLabel } from '../events/severity.js';
import type { Finding } from '../findings/finding.js';
import { fromOcsf } from '../findings/from-ocsf.js';
import { isObject, type Json } from '../findings/values.js';
import type { DetailResult, EventKind } from './event-kind.js';
import { regionOfArn, text } from './wrap-helpers.js';

/** `finding_info.uid` of a finding that failed validation, when readable. */
const uidOf = (raw: unknown): string | undefined => {
  const info = isObject(raw) ? raw.finding_info : undefined;
  return isObject(info) && typeof info.uid === 'string' && info.uid !== ''
    ? info.uid
    : undefined;
};

/**
 * Reads the OCSF findings of a "Findings Imported V2" event one by one: a
 * malformed finding is rejected with its field path and the others go on.
 * Only when none is readable is the event itself rejected.
 */
const readImportedV2 = (envelope: Envelope): DetailResult => {
  const detail = safeParse('findingsImportedV2Detail', envelope.detail);
  if (!detail.success) {
    return { ok: false, reason: describeIssues('detail', detail.error) };
  }
  const context = { region: envelope.region, time: envelope.time };
  const findings: Finding[] = [];
  const rejected: RejectedItem[] = [];
  detail.data.findings.forEach((raw, index) => {
    const parsed = safeParse('ocsfFinding', raw);
    if (parsed.success) {
      findings.push(fromOcsf(parsed.data, context));
      return;
    }
    const id = uidOf(raw);
    const path = `detail.findings[${index}]`;
    rejected.push({
      path,
      reason: describeIssues(path, parsed.error),
      ...(id ? { id } : {}),
    });
  });
  if (findings.length === 0) {
    return {
      ok: false,
      reason: rejected.map((finding) => finding.reason).join('; '),
    };
  }
  return { ok: true, findings, ...(rejected.length > 0 ? { rejected } : {}) };
};

/** The `severity_id`s whose label is the given one (6 Fatal is CRITICAL). */
const SEVERITY_IDS: Readonly<Record<SeverityLabel, readonly number[]>> = {
  INFORMATIONAL: [1],
  LOW: [2],
  MEDIUM: [3],
  HIGH: [4],
  CRITICAL: [5, 6],
};

/**
 * Lets through every finding except those whose `severity_id` gives a label
 * no route announces: 0 (Unknown), 99 (Other), any other value and an
 * absent one still reach the function (they are scored, or rejected there
 * with a reason, never dropped by the rule).
 */
const severityIdPattern = (labels: readonly SeverityLabel[]) => ({
  findings: {
    $or: [
      {
        severity_id: [
          {
            'anything-but': SEVERITY_LABELS.filter(
              (label) => !labels.includes(label)
            ).flatMap((label) => SEVERITY_IDS[label]),
          },
        ],
      },
      { severity_id: [{ exists: false }] },
    ],
  },
});

/** An OCSF finding as `aws securityhub get-findings-v2` lists it. */
const isOcsf = (value: Json): boolean =>
  typeof value.class_uid === 'number' &&
  isObject(value.finding_info) &&
  isObject(value.metadata);

const objectAt = (value: Json, key: string): Json => {
  const child = value[key];
  return isObject(child) ? child : {};
};

/** Epoch milliseconds as ISO-8601, or the epoch for anything else. */
const isoOf = (ms: unknown): string =>
  typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= 8.64e15
    ? new Date(ms).toISOString()
    : new Date(0).toISOString();

/** The envelope of a "Findings Imported V2" event around one OCSF finding. */
const wrapOcsf = (finding: Json): Json => {
  const metadata = objectAt(finding, 'metadata');
  const cloud = objectAt(finding, 'cloud');
  const uid = text(
    metadata.uid,
    text(objectAt(finding, 'finding_info').uid, '')
  );
  return {
    version: '0',
    id: `replay-${uid.slice(-36) || 'finding'}`,
    'detail-type': 'Findings Imported V2',
    source: 'aws.securityhub',
    account: text(objectAt(cloud, 'account').uid, '000000000000'),
    time: isoOf(finding.time),
    region: text(cloud.region, regionOfArn(objectAt(metadata, 'product').uid)),
    resources: uid ? [uid] : [],
    detail: { findings: [finding] },
  };
};

/**
 * The new AWS Security Hub's findings: OCSF (Vulnerability, Compliance,
 * Detection, Data Security and any other class), one per event as AWS
 * documents it, several accepted.
 */
export const SECURITY_HUB_FINDINGS_IMPORTED_V2: EventKind = {
  id: 'SecurityHubFindingsImportedV2',
  description: 'AWS Security Hub (OCSF) imported findings to findings-notifier',
  source: 'aws.securityhub',
  detailType: 'Findings Imported V2',
  channel: 'securityhub',
  read: readImportedV2,
  samples: { events: ['securityhub-v2'], corpus: ['securityhub-v2-ocsf'] },
  // The computed label is the one of `severity_id` for 1–6 (README
  // "Findings Imported V2"); only those ids are ever left out.
  severityDetailPattern: severityIdPattern,
  bare: { name: 'OCSF finding', is: isOcsf, wrap: wrapOcsf },
};
