import { errorCode } from '../publish/sns-errors.js';
import type { AcknowledgeResult } from './acknowledger.js';

type Failure = AcknowledgeResult['failed'][number];

/** An entry of a batch update's `UnprocessedFindings`. */
type Unprocessed = {
  readonly ErrorCode?: string;
  readonly ErrorMessage?: string;
};

/**
 * Sorts one batch update's findings into acknowledged and failed: a finding
 * listed as unprocessed (found by `keyOf`) failed with its error, the rest
 * were acknowledged.
 */
export const settleChunk = <F extends { readonly id: string }>(
  chunk: readonly F[],
  unprocessed: ReadonlyMap<string | undefined, Unprocessed>,
  keyOf: (finding: F) => string,
  into: { acknowledged: string[]; failed: Failure[] }
): void => {
  for (const finding of chunk) {
    const entry = unprocessed.get(keyOf(finding));
    if (entry) {
      into.failed.push({
        findingId: finding.id,
        code: entry.ErrorCode ?? 'Unprocessed',
        message: entry.ErrorMessage ?? 'not processed',
      });
    } else into.acknowledged.push(finding.id);
  }
};

/** Every finding of a batch update whose call failed, with the error. */
export const failChunk = (
  chunk: readonly { readonly id: string }[],
  error: unknown,
  failed: Failure[]
): void => {
  for (const finding of chunk) {
    failed.push({
      findingId: finding.id,
      code: errorCode(error),
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
