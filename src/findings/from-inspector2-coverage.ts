import type { Inspector2CoverageDetail } from '../events/inspector2-coverage-schema.js';
import { coverageReason } from './coverage-reasons.js';
import type { Finding } from './finding.js';
import { partitionOfRegion, scannedResource } from './scanned-resource.js';
import { parseTimestamp } from './timestamps.js';
import { compact, pickText } from './values.js';

/** What a coverage notice needs from the envelope. */
export type NoticeContext = {
  readonly account: string;
  readonly region: string;
  readonly time?: string;
  /** The envelope's `resources[0]`: the resource the event is about. */
  readonly resourceId: string;
};

/**
 * One resource's coverage change as a notice. Its id names the resource,
 * the scan type, the status and the reason, so dedup keeps one record per
 * resource and status: a resource flapping between two statuses is
 * announced once per change within the route's window, and a new reason
 * (another fix) is announced again.
 */
export const fromInspector2Coverage = (
  detail: Inspector2CoverageDetail,
  context: NoticeContext
): Finding => {
  const { statusCodeValue: status, reason } = detail.scanStatus;
  const region = context.region;
  const partition = partitionOfRegion(region);
  const resource = scannedResource(context.resourceId, {
    partition,
    region,
    details: pickText(
      detail,
      detail.provider && detail.provider !== 'AWS'
        ? ['provider', 'providerAccountId', 'providerRegion']
        : []
    ),
  });
  const name = resource.name ?? resource.id;
  const { means, fix } = coverageReason(reason);
  const blind = status !== 'ACTIVE';
  const time =
    parseTimestamp(detail.eventTimestamp) ??
    parseTimestamp(context.time) ??
    new Date(0).toISOString();
  return compact({
    id: [
      'inspector2-coverage',
      context.account,
      region,
      detail.scanType,
      resource.id,
      status,
      reason,
    ].join('/'),
    source: 'inspector2',
    product: 'Inspector',
    company: 'Amazon',
    type: 'COVERAGE',
    types: [`Coverage/${status}/${reason}`],
    title: blind
      ? `Not scanned by Inspector: ${name} (${reason})`
      : `Scanned by Inspector: ${name} (${reason})`,
    description: blind
      ? `Amazon Inspector does not scan ${name} (${detail.scanType} scans): ${means}. Vulnerabilities on it are not found while this lasts.`
      : `Amazon Inspector scans ${name} (${detail.scanType} scans): ${means}.`,
    severity: {
      label: blind ? 'MEDIUM' : 'INFORMATIONAL',
      labelSource: 'notice',
      providerLabel: status,
    },
    status: { lifecycle: 'OPEN' },
    accountId: context.account,
    region,
    partition,
    resources: [resource],
    remediation: fix ? { text: fix } : undefined,
    firstSeen: time,
    lastSeen: time,
    updatedAt: time,
    notice: compact({
      kind: 'coverage',
      status,
      reason,
      scanType: detail.scanType,
      provider: detail.provider,
    }),
  });
};
