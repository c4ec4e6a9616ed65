import {
  BatchUpdateFindingsV2Command,
  type SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import type { AcknowledgeResult, OcsfIdentifier } from './acknowledger.js';
import { failChunk, settleChunk } from './chunk-outcome.js';

/**
 * Findings per `BatchUpdateFindingsV2` call. The API reference states no
 * limit for `MetadataUids`; this is `BatchUpdateFindings`' documented 100.
 */
export const MAX_FINDINGS_PER_V2_UPDATE = 100;

/** OCSF `status_id` 2: In Progress, the new Security Hub's "someone is on it". */
export const IN_PROGRESS = 2;

type Failure = AcknowledgeResult['failed'][number];

/**
 * Sets findings of the new Security Hub to In Progress with `comment`,
 * through `BatchUpdateFindingsV2` by `MetadataUids`, in calls of at most
 * 100. A finding without a `metadata.uid` cannot be named to the API: it is
 * reported as failed, never skipped silently.
 */
export const updateV2Findings = async (
  securityHub: () => SecurityHubClient,
  findings: readonly OcsfIdentifier[],
  comment: string
): Promise<{ acknowledged: string[]; failed: Failure[] }> => {
  const acknowledged: string[] = [];
  const failed: Failure[] = [];
  const named: { id: string; metadataUid: string }[] = [];
  for (const finding of findings) {
    if (finding.metadataUid) {
      named.push({ id: finding.id, metadataUid: finding.metadataUid });
    } else {
      failed.push({
        findingId: finding.id,
        code: 'MissingMetadataUid',
        message: 'the OCSF finding has no metadata.uid to update it by',
      });
    }
  }
  for (
    let start = 0;
    start < named.length;
    start += MAX_FINDINGS_PER_V2_UPDATE
  ) {
    const chunk = named.slice(start, start + MAX_FINDINGS_PER_V2_UPDATE);
    try {
      const output = await securityHub().send(
        new BatchUpdateFindingsV2Command({
          MetadataUids: chunk.map((finding) => finding.metadataUid),
          StatusId: IN_PROGRESS,
          Comment: comment,
        })
      );
      const unprocessed = new Map(
        (output.UnprocessedFindings ?? []).map((entry) => [
          entry.MetadataUid,
          entry,
        ])
      );
      settleChunk(chunk, unprocessed, (finding) => finding.metadataUid, {
        acknowledged,
        failed,
      });
    } catch (error) {
      failChunk(chunk, error, failed);
    }
  }
  return { acknowledged, failed };
};
