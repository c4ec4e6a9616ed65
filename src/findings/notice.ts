import type { FindingSeverityLabel } from '../events/severity.js';

/**
 * Inspector's word about one resource's scanning ("Inspector2 Coverage"):
 * `INACTIVE` opens a blind spot (the resource is not scanned), `ACTIVE`
 * closes one.
 */
export type CoverageNotice = {
  readonly kind: 'coverage';
  /** `ACTIVE` | `INACTIVE` (Inspector's `statusCodeValue`). */
  readonly status: string;
  /** `UNMANAGED_EC2_INSTANCE`, `EXCLUDED_BY_TAG`, `SUCCESSFUL`, ... */
  readonly reason: string;
  /** `PACKAGE`, `NETWORK`, `CODE`. */
  readonly scanType: string;
  /** `AWS`, `AZURE`, ... when Inspector says. */
  readonly provider?: string;
  /** In a grouped notice: how many resources it stands for. */
  readonly count?: number;
};

/** Finding counts by label, plus Inspector's `TOTAL`. */
export type SeverityCounts = Readonly<
  Partial<Record<FindingSeverityLabel | 'TOTAL', number>>
>;

/**
 * A scan's completion ("Inspector2 Scan" initial scans, "Inspector2
 * OnDemand Scan Complete") with what it found.
 */
export type ScanNotice = {
  readonly kind: 'scan';
  readonly scan: 'initial' | 'on-demand';
  /** `INITIAL_SCAN_COMPLETE`, `SUCCESSFUL`, `FAILED`, ... */
  readonly status: string;
  readonly statusReason?: string;
  readonly counts: SeverityCounts;
  /** Findings the scan reported: `TOTAL`, else the sum of the counts. */
  readonly found: number;
  readonly scanId?: string;
};

/** What the notifier says about scanning rather than about a finding. */
export type Notice = CoverageNotice | ScanNotice;

/** A Security Hub custom action a person chose for selected findings. */
export type CustomActionRequest = {
  readonly actionName: string;
  readonly actionDescription?: string;
  /** `arn:aws:securityhub:<region>:<account>:action/custom/<id>`, when sent. */
  readonly actionArn?: string;
};

/** What kind of item the pipeline carries: the condition language's `kind`. */
export const ITEM_KINDS = [
  'finding',
  'coverage',
  'scan',
  'custom-action',
] as const;

export type ItemKind = (typeof ITEM_KINDS)[number];

/** The kind of a normalized item. */
export const itemKind = (item: {
  readonly notice?: Notice;
  readonly sharedBy?: CustomActionRequest;
}): ItemKind =>
  item.sharedBy ? 'custom-action' : (item.notice?.kind ?? 'finding');
