import {
  BatchUpdateFindingsCommand,
  type SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import type {
  AcknowledgeResult,
  Acknowledger,
  AsffIdentifier,
  FindingIdentifier,
  OcsfIdentifier,
} from './acknowledger.js';
import { failChunk, settleChunk } from './chunk-outcome.js';
import { updateV2Findings } from './security-hub-v2-update.js';

/** `BatchUpdateFindings` takes at most 100 finding identifiers. */
export const MAX_FINDINGS_PER_UPDATE = 100;

/** Who the Security Hub note names as its author. */
export const NOTE_AUTHOR = 'findings-notifier';

/** The note left on an acknowledged finding. */
export const acknowledgeNote = (route: string): string =>
  `Announced by findings-notifier route ${route}`;

const isOcsf = (finding: FindingIdentifier): finding is OcsfIdentifier =>
  'metadataUid' in finding;

/**
 * Sets announced ASFF findings' workflow status to NOTIFIED with a note
 * naming the route, through `BatchUpdateFindings` in calls of at most 100
 * findings; findings of the new Security Hub (OCSF) go to In Progress with
 * the same text as comment, through `BatchUpdateFindingsV2`
 * (`security-hub-v2-update.ts`).
 * The client is created on first use (most invocations acknowledge
 * nothing); throttling is retried by the SDK's standard retry strategy.
 * The update makes Security Hub emit an Imported (V2) event with workflow
 * NOTIFIED (In Progress): the default status rule filters it, and the dedup
 * state ignores the workflow, so it is never announced a second time.
 */
export const createSecurityHubAcknowledger = (
  client: () => SecurityHubClient
): Acknowledger => {
  let instance: SecurityHubClient | undefined;
  const securityHub = () => {
    instance ??= client();
    return instance;
  };
  return {
    acknowledge: async (route, identifiers) => {
      const findings: AsffIdentifier[] = [];
      const ocsf: OcsfIdentifier[] = [];
      for (const identifier of identifiers) {
        if (isOcsf(identifier)) ocsf.push(identifier);
        else findings.push(identifier);
      }
      const acknowledged: string[] = [];
      const failed: AcknowledgeResult['failed'][number][] = [];
      for (
        let start = 0;
        start < findings.length;
        start += MAX_FINDINGS_PER_UPDATE
      ) {
        const chunk: readonly AsffIdentifier[] = findings.slice(
          start,
          start + MAX_FINDINGS_PER_UPDATE
        );
        try {
          const output = await securityHub().send(
            new BatchUpdateFindingsCommand({
              FindingIdentifiers: chunk.map((finding) => ({
                Id: finding.id,
                ProductArn: finding.productArn,
              })),
              Workflow: { Status: 'NOTIFIED' },
              Note: { Text: acknowledgeNote(route), UpdatedBy: NOTE_AUTHOR },
            })
          );
          const unprocessed = new Map(
            (output.UnprocessedFindings ?? []).map((entry) => [
              entry.FindingIdentifier?.Id,
              entry,
            ])
          );
          settleChunk(chunk, unprocessed, (finding) => finding.id, {
            acknowledged,
            failed,
          });
        } catch (error) {
          failChunk(chunk, error, failed);
        }
      }
      if (ocsf.length > 0) {
        const v2 = await updateV2Findings(
          securityHub,
          ocsf,
          acknowledgeNote(route)
        );
        acknowledged.push(...v2.acknowledged);
        failed.push(...v2.failed);
      }
      return { route, acknowledged, failed };
    },
  };
};
