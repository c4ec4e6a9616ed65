import type { SeverityLabel } from '../../src/events/severity.js';
import {
  anInspector2Event,
  aSecurityHubEvent,
  getTestEvent,
} from './events.js';

/** A score inside each label's band, so score and label agree. */
const SCORE: Record<SeverityLabel, number> = {
  INFORMATIONAL: 0,
  LOW: 2.5,
  MEDIUM: 5.5,
  HIGH: 7.5,
  CRITICAL: 9.8,
};

export type FindingState = {
  /** Inspector2 finding ARN: the identity both channels share. */
  readonly arn: string;
  readonly severity: SeverityLabel;
  /** Inspector status: ACTIVE, CLOSED or SUPPRESSED. @default 'ACTIVE' */
  readonly status?: 'ACTIVE' | 'CLOSED' | 'SUPPRESSED';
  /** EventBridge event id. */
  readonly eventId?: string;
  /** Varies the timestamps, as AWS does on every re-send. */
  readonly updatedAt?: string;
};

export const findingArn = (n: number): string =>
  `arn:aws:inspector2:eu-central-1:123456789012:finding/${n.toString(16).padStart(32, '0')}`;

/** An `Inspector2 Finding` event for the given finding state. */
export const inspector2EventFor = (state: FindingState) => {
  const event = anInspector2Event(
    'lambda-package-vuln-high-exploit-available-docs'
  );
  const detail = event.detail as Record<string, unknown>;
  detail.findingArn = state.arn;
  detail.severity = state.severity;
  detail.inspectorScore = SCORE[state.severity];
  detail.status = state.status ?? 'ACTIVE';
  if (state.updatedAt) detail.updatedAt = state.updatedAt;
  if (state.eventId) event.id = state.eventId;
  return event;
};

/**
 * The Security Hub copy of the same Inspector2 finding (a `Security Hub
 * Findings - Imported` event with one ASFF finding whose `Id` is the ARN).
 */
export const securityHubEventFor = (
  state: FindingState & { readonly workflow?: string; copies?: number }
) => {
  const event = aSecurityHubEvent('imported-inspector2-ec2-cve');
  const [template] = event.detail.findings;
  if (!template) throw new Error('sample event has no finding');
  const finding = template as unknown as Record<string, unknown> & {
    Severity: Record<string, unknown>;
    ProductFields: Record<string, string>;
    FindingProviderFields?: { Severity?: Record<string, unknown> };
  };
  finding.Id = state.arn;
  finding.Severity = {
    Label: state.severity,
    Normalized: Math.round(SCORE[state.severity] * 10),
  };
  if (finding.FindingProviderFields) {
    finding.FindingProviderFields.Severity = { Label: state.severity };
  }
  finding.ProductFields['aws/inspector/inspectorScore'] =
    SCORE[state.severity].toFixed(1);
  finding.ProductFields['aws/inspector/FindingStatus'] =
    state.status ?? 'ACTIVE';
  finding.Workflow = { Status: state.workflow ?? 'NEW' };
  finding.RecordState = state.status === 'CLOSED' ? 'ARCHIVED' : 'ACTIVE';
  if (state.updatedAt) finding.UpdatedAt = state.updatedAt;
  if (state.eventId) event.id = state.eventId;
  event.detail.findings = Array.from({ length: state.copies ?? 1 }, () =>
    structuredClone(template)
  );
  return event;
};

const SEVERITY_ID: Record<SeverityLabel, number> = {
  INFORMATIONAL: 1,
  LOW: 2,
  MEDIUM: 3,
  HIGH: 4,
  CRITICAL: 5,
};

/** OCSF `status_id` for an Inspector status and a Security Hub workflow. */
const statusIdOf = (
  status: FindingState['status'],
  workflow: string | undefined
): number => {
  if (status === 'SUPPRESSED') return 3;
  if (status === 'CLOSED') return 4;
  return workflow === 'NOTIFIED' ? 2 : 1;
};

/**
 * The new Security Hub's copy of the same Inspector2 finding: a `Findings
 * Imported V2` event with one OCSF finding whose `finding_info.uid` is the
 * ARN. `close` sends the Close activity (status still New) instead of a
 * Resolved status.
 */
export const securityHubV2EventFor = (
  state: FindingState & { readonly workflow?: string; readonly close?: boolean }
) => {
  const event = getTestEvent<{
    id: string;
    detail: { findings: Record<string, unknown>[] };
  }>('securityhub-v2', 'inspector-ec2-package-vuln-high-exploit');
  const [finding] = event.detail.findings;
  if (!finding) throw new Error('sample event has no finding');
  const info = finding.finding_info as Record<string, unknown>;
  info.uid = state.arn;
  finding.severity_id = SEVERITY_ID[state.severity];
  finding.severity = state.severity;
  finding.status_id = state.close
    ? 1
    : statusIdOf(state.status, state.workflow);
  finding.activity_id = state.close ? 3 : 2;
  if (state.updatedAt) info.modified_time = Date.parse(state.updatedAt);
  if (state.eventId) event.id = state.eventId;
  return event;
};
