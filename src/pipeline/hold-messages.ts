import type { Burst } from '../dedup/burst-ledger.js';
import { digestFindingOf } from '../findings/digest-finding.js';
import type { OutgoingMessage } from '../publish/publisher.js';
import type { RouteTarget } from '../routing/router.js';
import type { FindingClaim } from './digest-plan.js';
import { burstId, type HeldItem, heldChunks } from './held-chunk.js';
import type { HeldRef } from './outcome.js';

/** Where a batch's held findings go: its queue, back when their burst closes. */
export type HoldTarget = {
  readonly queueArn: string;
  readonly now: number;
  /** The open burst of each route that holds. */
  readonly bursts: ReadonlyMap<string, Burst>;
};

/** SQS delays a message at most 15 minutes. */
const MAX_DELAY_S = 900;

/** The held findings of one route as chunk messages to the queue, delayed to the burst's close. */
export const heldMessages = (
  route: RouteTarget,
  claims: readonly FindingClaim[],
  burst: Burst,
  hold: HoldTarget
): [FindingClaim, { message: OutgoingMessage; held: HeldRef }][] => {
  const into: [FindingClaim, { message: OutgoingMessage; held: HeldRef }][] =
    [];
  const items: HeldItem[] = claims.map(({ finding, claim }) => ({
    key: claim.key,
    variant: claim.variant as HeldItem['variant'],
    ...(claim.previous ? { previousSeverity: claim.previous.severity } : {}),
    finding: digestFindingOf(finding),
  }));
  const chunks = heldChunks(route.name, burst.flushAt, items);
  const delaySeconds = Math.min(
    MAX_DELAY_S,
    Math.max(0, Math.ceil((burst.flushAt - hold.now) / 1000))
  );
  const burstName = burstId(route.name, burst.flushAt);
  let next = 0;
  chunks.forEach(({ body, items: count }, index) => {
    const message: OutgoingMessage = {
      route: route.name,
      findingId: `held:${burstName}/${index + 1}`,
      topicArn: hold.queueArn,
      subject: '',
      body,
      attributes: {},
      delaySeconds,
    };
    const held = {
      burst: burstName,
      until: new Date(burst.flushAt).toISOString(),
    };
    for (const item of claims.slice(next, next + count))
      into.push([item, { message, held }]);
    next += count;
  });
  return into;
};
