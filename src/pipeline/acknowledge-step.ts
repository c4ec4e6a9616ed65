import type {
  AcknowledgeResult,
  Acknowledger,
  FindingIdentifier,
} from '../acknowledge/acknowledger.js';
import type { EventMeta } from '../event-kinds/parse-event.js';
import type { Finding } from '../findings/finding.js';
import type { Claimed } from './claim-for.js';
import type { Log } from './log.js';
import type { Delivery } from './outcome.js';

/** A Security Hub finding to acknowledge once its route announced it. */
export type AckCandidate = { route: string; identifier: FindingIdentifier };

/**
 * How Security Hub names a finding still NEW: by id and product (ASFF), or
 * by `metadata.uid` (the new Security Hub, OCSF; only while open, so a
 * closed finding is never set back to In Progress).
 */
const identifierOf = (finding: Finding): FindingIdentifier | undefined => {
  if (finding.source !== 'securityhub' || finding.status.workflow !== 'NEW') {
    return undefined;
  }
  if (finding.securityHubV2) {
    return finding.status.lifecycle === 'OPEN'
      ? { id: finding.id, metadataUid: finding.securityHubV2.metadataUid }
      : undefined;
  }
  return finding.productArn
    ? { id: finding.id, productArn: finding.productArn }
    : undefined;
};

/** Security Hub findings still NEW that a route with `acknowledge` published. */
export const ackCandidates = (
  finding: Finding,
  claims: readonly Claimed[],
  delivered: readonly Delivery[]
): AckCandidate[] => {
  const identifier = identifierOf(finding);
  if (!identifier) return [];
  return claims
    .filter(
      (claim, index) =>
        claim.route.acknowledge && delivered[index]?.outcome === 'published'
    )
    .map((claim) => ({ route: claim.route.name, identifier }));
};

/**
 * After an event's publishes: sets the announced findings to NOTIFIED (In
 * Progress on the new Security Hub), one call per route. A failure is logged, never thrown: the notification went
 * out and is recorded, so a retry would find a duplicate and acknowledge
 * nothing either.
 */
export const createAcknowledgeStep =
  (deps: { readonly acknowledger?: Acknowledger; readonly log: Log }) =>
  async (
    candidates: readonly AckCandidate[],
    meta: EventMeta
  ): Promise<AcknowledgeResult[] | undefined> => {
    const { acknowledger, log } = deps;
    if (!acknowledger || candidates.length === 0) return undefined;
    const byRoute = new Map<string, FindingIdentifier[]>();
    for (const { route, identifier } of candidates) {
      byRoute.set(route, [...(byRoute.get(route) ?? []), identifier]);
    }
    const results: AcknowledgeResult[] = [];
    for (const [route, identifiers] of byRoute) {
      const result = await acknowledger.acknowledge(route, identifiers);
      results.push(result);
      for (const failure of result.failed) {
        log.error('acknowledge failed', {
          eventId: meta.eventId,
          route,
          findingId: failure.findingId,
          errorCode: failure.code,
          reason: failure.message,
        });
      }
      if (result.acknowledged.length > 0) {
        log.info('findings acknowledged in Security Hub', {
          eventId: meta.eventId,
          route,
          findingIds: result.acknowledged,
        });
      }
    }
    return results;
  };
