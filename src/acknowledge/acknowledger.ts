import type { Config } from '../config/config-schema.js';

/** A Security Hub CSPM (ASFF) finding to mark as NOTIFIED. */
export type AsffIdentifier = {
  readonly id: string;
  readonly productArn: string;
};

/**
 * A finding of the new Security Hub (OCSF) to set to In Progress, by its
 * `metadata.uid`; `id` is its `finding_info.uid`, as reported.
 */
export type OcsfIdentifier = {
  readonly id: string;
  readonly metadataUid: string | undefined;
};

/** A Security Hub finding to acknowledge. */
export type FindingIdentifier = AsffIdentifier | OcsfIdentifier;

/** What one route's acknowledgement did; never thrown. */
export type AcknowledgeResult = {
  readonly route: string;
  readonly acknowledged: readonly string[];
  readonly failed: readonly {
    readonly findingId: string;
    readonly code: string;
    readonly message: string;
  }[];
};

/**
 * Marks announced Security Hub findings as NOTIFIED (ASFF) or In Progress
 * (OCSF). Failures are results, not exceptions: the notification itself
 * was delivered.
 */
export interface Acknowledger {
  acknowledge(
    route: string,
    findings: readonly FindingIdentifier[]
  ): Promise<AcknowledgeResult>;
}

/**
 * Whether some route acknowledges what it announced (`acknowledge: true`):
 * the function then loads the Security Hub client and needs
 * `securityhub:BatchUpdateFindings` (which also authorises
 * `BatchUpdateFindingsV2`).
 */
export const someRouteAcknowledges = (config: Config): boolean =>
  config.routes.some((route) => route.acknowledge);
