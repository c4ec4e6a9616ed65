import type { SeverityLabel } from '../../src/events/severity.js';
import { anInspector2Event, aSecurityHubEvent } from './events.js';

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
