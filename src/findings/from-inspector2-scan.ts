import type {
  Inspector2OnDemandScanDetail,
  Inspector2ScanDetail,
} from '../events/inspector2-scan-schema.js';
import { type FindingSeverityLabel, WORST_FIRST } from '../events/severity.js';
import { coverageReason } from './coverage-reasons.js';
import type { Finding, Resource } from './finding.js';
import type { NoticeContext } from './from-inspector2-coverage.js';
import type { ScanNotice, SeverityCounts } from './notice.js';
import { partitionOfRegion, scannedResource } from './scanned-resource.js';
import { parseTimestamp } from './timestamps.js';
import { compact, pickText } from './values.js';

const countsOf = (raw: Readonly<Record<string, number>>): SeverityCounts => {
  const counts: Partial<Record<FindingSeverityLabel | 'TOTAL', number>> = {};
  for (const [key, value] of Object.entries(raw)) {
    const label = key.toUpperCase();
    if (
      label === 'TOTAL' ||
      WORST_FIRST.includes(label as FindingSeverityLabel)
    )
      counts[label as FindingSeverityLabel | 'TOTAL'] = value;
  }
  return counts;
};

const listed = (counts: SeverityCounts): number =>
  WORST_FIRST.reduce((sum, label) => sum + (counts[label] ?? 0), 0);

/**
 * The worst label found. Inspector's initial-scan counts list only
 * CRITICAL, HIGH and MEDIUM besides TOTAL: findings beyond those are LOW or
 * below, so they count as LOW. Nothing found: INFORMATIONAL.
 */
const worstFound = (counts: SeverityCounts, found: number) =>
  WORST_FIRST.find((label) => (counts[label] ?? 0) > 0) ??
  (found > listed(counts) ? 'LOW' : 'INFORMATIONAL');

/** "7 findings: 2 HIGH, 5 MEDIUM" or "no findings". */
export const countsText = (notice: ScanNotice): string => {
  if (notice.found === 0) return 'no findings';
  const parts = WORST_FIRST.flatMap((label) =>
    (notice.counts[label] ?? 0) > 0 ? [`${notice.counts[label]} ${label}`] : []
  );
  const rest = notice.found - listed(notice.counts);
  if (rest > 0 && parts.length > 0) parts.push(`${rest} LOW or below`);
  const noun = notice.found === 1 ? 'finding' : 'findings';
  return parts.length > 0
    ? `${notice.found} ${noun}: ${parts.join(', ')}`
    : `${notice.found} ${noun}`;
};

const scanNotice = (
  notice: ScanNotice,
  resource: Resource,
  context: NoticeContext,
  id: string,
  at: string | undefined
): Finding => {
  const name = resource.name ?? resource.id;
  const failed = notice.status === 'FAILED';
  const what = notice.scan === 'initial' ? 'Initial scan' : 'On-demand scan';
  const reason = notice.statusReason
    ? coverageReason(notice.statusReason)
    : undefined;
  const time =
    parseTimestamp(at) ??
    parseTimestamp(context.time) ??
    new Date(0).toISOString();
  return compact({
    id,
    source: 'inspector2',
    product: 'Inspector',
    company: 'Amazon',
    type: 'SCAN_SUMMARY',
    types: [`Scan/${notice.scan}/${notice.status}`],
    title: failed
      ? `${what} of ${name} failed${notice.statusReason ? ` (${notice.statusReason})` : ''}`
      : `${what} of ${name} complete: ${countsText(notice)}`,
    description: failed
      ? `Amazon Inspector could not scan ${name}${reason ? `: ${reason.means}` : ''}.`
      : `Amazon Inspector finished the ${what.toLowerCase()} of ${name} and found ${countsText(notice)}. Each finding is announced on its own where routes ask for it.`,
    severity: {
      label: failed ? 'MEDIUM' : worstFound(notice.counts, notice.found),
      labelSource: 'notice',
      providerLabel: notice.status,
    },
    status: { lifecycle: 'OPEN' },
    accountId: context.account,
    region: context.region,
    partition: partitionOfRegion(context.region),
    resources: [resource],
    remediation: reason?.fix ? { text: reason.fix } : undefined,
    firstSeen: time,
    lastSeen: time,
    updatedAt: time,
    notice,
  });
};

const foundOf = (counts: SeverityCounts) => counts.TOTAL ?? listed(counts);

/** An "Inspector2 Scan" event (initial scan complete) as a notice. */
export const fromInspector2Scan = (
  detail: Inspector2ScanDetail,
  context: NoticeContext
): Finding => {
  const counts = countsOf(detail['finding-severity-counts']);
  const repository = detail['repository-name'];
  const digest = detail['image-digest'];
  const tags = detail['image-tags'] ?? [];
  const partition = partitionOfRegion(context.region);
  const image = repository && digest ? `${repository}/${digest}` : undefined;
  const id =
    detail['instance-id'] ??
    detail['machine-image-id'] ??
    image ??
    context.resourceId;
  const base = scannedResource(id, {
    partition,
    region: context.region,
    details: pickText({ imageTags: tags, imageDigest: digest }, [
      'imageTags',
      'imageDigest',
    ]),
  });
  const repositoryName = repository?.split(':repository/')[1];
  const resource: Resource =
    image && repositoryName
      ? {
          ...base,
          name: `${repositoryName}${tags[0] ? `:${tags[0]}` : `@${digest?.slice(0, 19)}`}`,
        }
      : base;
  return scanNotice(
    {
      kind: 'scan',
      scan: 'initial',
      status: detail['scan-status'],
      counts,
      found: foundOf(counts),
    },
    resource,
    context,
    ['inspector2-scan', context.account, context.region, 'initial', id].join(
      '/'
    ),
    context.time
  );
};

/** An "Inspector2 OnDemand Scan Complete" event as a notice. */
export const fromInspector2OnDemandScan = (
  detail: Inspector2OnDemandScanDetail,
  context: NoticeContext
): Finding => {
  const counts = countsOf(detail.findingSeverityCounts ?? {});
  const resource = scannedResource(detail.resourceId, {
    partition: partitionOfRegion(context.region),
    region: context.region,
  });
  return scanNotice(
    compact({
      kind: 'scan',
      scan: 'on-demand',
      status: detail.scanStatus,
      statusReason: detail.scanStatusReason,
      counts,
      found: foundOf(counts),
      scanId: detail.scanId,
    }) as ScanNotice,
    resource,
    { ...context, account: detail.awsAccountId ?? context.account },
    [
      'inspector2-scan',
      detail.awsAccountId ?? context.account,
      context.region,
      'on-demand',
      detail.scanId,
    ].join('/'),
    detail.completedAt
  );
};
