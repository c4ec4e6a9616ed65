import {
  fromInspector2OnDemandScan,
  fromInspector2Scan,
} from '../findings/from-inspector2-scan.js';
import type { EventKind } from './event-kind.js';
import { noticeReader } from './notice-context.js';

/**
 * A resource's initial scan completed, with its finding counts. Routes
 * receive them only when they ask (`kind: scan`).
 */
export const INSPECTOR2_SCAN: EventKind = {
  id: 'Inspector2InitialScans',
  description: 'Amazon Inspector initial scan summaries to findings-notifier',
  source: 'aws.inspector2',
  detailType: 'Inspector2 Scan',
  channel: 'inspector2',
  itemKind: 'scan',
  read: noticeReader('inspector2ScanDetail', fromInspector2Scan),
  samples: { events: ['inspector2-scan'], corpus: ['inspector2-scan'] },
};

/** An on-demand scan completed (successful with counts, or failed). */
export const INSPECTOR2_ONDEMAND_SCAN: EventKind = {
  id: 'Inspector2OnDemandScans',
  description:
    'Amazon Inspector on-demand scan completions to findings-notifier',
  source: 'aws.inspector2',
  detailType: 'Inspector2 OnDemand Scan Complete',
  channel: 'inspector2',
  itemKind: 'scan',
  read: noticeReader(
    'inspector2OnDemandScanDetail',
    fromInspector2OnDemandScan
  ),
  samples: { events: ['inspector2-scan'], corpus: ['inspector2-scan'] },
};
