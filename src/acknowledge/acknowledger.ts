import type { Config } from '../config/config-schema.js';

/** A Security Hub finding to mark as notified. */
export type FindingIdentifier = {
  readonly id: string;
  readonly productArn: string;
};

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
 * Marks announced Security Hub findings as NOTIFIED. Failures are results,
 * not exceptions: the notification itself was delivered.
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
 * `securityhub:BatchUpdateFindings`.
 */
export const someRouteAcknowledges = (config: Config): boolean =>
  config.routes.some((route) => route.acknowledge);
