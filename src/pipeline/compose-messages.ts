import { createHash } from 'node:crypto';
import { DIGEST_DEFAULTS } from '../config/digest-schema.js';
import type { Burst } from '../dedup/burst-ledger.js';
import { digestFindingOf } from '../findings/digest-finding.js';
import type { DigestInput, DigestItem } from '../formatters/digest-view.js';
import type { Formatter } from '../formatters/formatter.js';
import { digestAttributes } from '../formatters/message-attributes.js';
import { renderDigestForRoute } from '../formatters/render-digest-route.js';
import type { OutgoingMessage } from '../publish/publisher.js';
import type { RouteTarget } from '../routing/router.js';
import type { Pending } from './deliver.js';
import {
  type FindingClaim,
  planDigests,
  type RouteDemand,
  routeDemand,
} from './digest-plan.js';
import { coverageGroups, groupedNotice } from './group-coverage.js';
import { burstId, type HeldItem, heldChunks } from './held-chunk.js';
import type { DigestRef, HeldRef } from './outcome.js';
import { routeMessage } from './route-message.js';

type Formatters = Readonly<Record<string, Formatter>>;

type Composed = {
  readonly message: OutgoingMessage;
  readonly digest?: DigestRef;
  readonly held?: HeldRef;
};

/** A digest's id: the same members make the same id (replays and logs agree). */
export const digestIdOf = (route: string, keys: readonly string[]): string =>
  createHash('sha256')
    .update(route)
    .update(keys.join('\n'))
    .digest('hex')
    .slice(0, 16);

const aloneMessage = (
  { finding, claim }: FindingClaim,
  formatters: Formatters
): OutgoingMessage =>
  routeMessage(
    claim.route,
    finding,
    {
      route: claim.route.name,
      variant: claim.variant,
      ...(claim.previous ? { previousSeverity: claim.previous.severity } : {}),
    },
    formatters
  );

/** One digest's messages (split to fit its format), each with the members it counts. */
export const renderDigest = (
  route: RouteTarget,
  variant: DigestInput['variant'],
  id: string,
  items: DigestInput['items']
): {
  message: OutgoingMessage;
  digest: DigestRef;
  members: readonly number[];
}[] => {
  const input: DigestInput = {
    id,
    route: route.name,
    variant,
    nameFrom: (route.digest ?? DIGEST_DEFAULTS).nameFrom,
    items,
  };
  const findings = items.map((item) => item.finding);
  const parts = renderDigestForRoute(
    route,
    input,
    digestAttributes(findings, route.name)
  );
  return parts.map(({ message, members, part, parts: count }) => ({
    message: {
      route: route.name,
      findingId: `digest:${id}/${part}`,
      topicArn: route.topicArn,
      subject: message.subject,
      body: message.body,
      ...(message.structure ? { structure: message.structure } : {}),
      attributes: digestAttributes(
        members.map((index) => (items[index] as DigestItem).finding),
        route.name
      ),
    },
    digest: { id, part, parts: count, findings: members.length },
    members,
  }));
};

const itemOf = ({ finding, claim }: FindingClaim): DigestItem => ({
  finding,
  ...(claim.previous ? { previousSeverity: claim.previous.severity } : {}),
});

/** One digest's messages, each with the claims it counts. */
const digestMessages = (
  route: RouteTarget,
  variant: DigestInput['variant'],
  claims: readonly FindingClaim[],
  into: Map<FindingClaim, Composed>
): void => {
  const id = digestIdOf(
    route.name,
    claims.map((item) => item.claim.key)
  );
  for (const { message, digest, members } of renderDigest(
    route,
    variant,
    id,
    claims.map(itemOf)
  )) {
    for (const index of members)
      into.set(claims[index] as FindingClaim, { message, digest });
  }
};

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
const heldMessages = (
  route: RouteTarget,
  claims: readonly FindingClaim[],
  burst: Burst,
  hold: HoldTarget,
  into: Map<FindingClaim, Composed>
): void => {
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
      into.set(item, { message, held });
    next += count;
  });
};

/**
 * Each route's claims, the coverage groups among them (one notice each),
 * and how many messages the route would send without digests.
 */
const perRoute = (claimed: readonly FindingClaim[]) => {
  const groups = coverageGroups(claimed, (item) => item.claim.route.name);
  const grouped = new Map<FindingClaim, readonly FindingClaim[]>();
  for (const members of groups)
    for (const item of members) grouped.set(item, members);
  const routes = new Map<
    string,
    { route: RouteTarget; loose: FindingClaim[]; messages: number }
  >();
  for (const item of claimed) {
    const route = item.claim.route;
    const entry = routes.get(route.name) ?? { route, loose: [], messages: 0 };
    if (!grouped.has(item)) entry.loose.push(item);
    routes.set(route.name, entry);
  }
  for (const members of groups) {
    const entry = routes.get((members[0] as FindingClaim).claim.route.name);
    if (entry) entry.messages += 1;
  }
  for (const entry of routes.values()) entry.messages += entry.loose.length;
  return { groups, routes };
};

/** What each route's claims in this invocation ask of its burst (buffered mode). */
export const routeDemands = (
  claimed: readonly FindingClaim[]
): { route: RouteTarget; demand: RouteDemand }[] =>
  [...perRoute(claimed).routes.values()].map(({ route, loose, messages }) => ({
    route,
    demand: routeDemand(route, loose, messages),
  }));

/**
 * The messages an invocation's claims make, per route: coverage changes of
 * one kind share one grouped notice; when a route would still send more
 * than its digest threshold, the rest become digests (`planDigests`), and
 * what goes alone is rendered as it always is. A route in an open burst
 * (`hold`, buffered mode) sends its held findings to the queue, delayed to
 * the burst's close. Same order and length as `claimed`; every claim is in
 * exactly one message (checked).
 */
export const composeMessages = (
  claimed: readonly FindingClaim[],
  formatters: Formatters,
  hold?: HoldTarget
): Pending[] => {
  const composed = new Map<FindingClaim, Composed>();
  const { groups, routes } = perRoute(claimed);
  for (const members of groups) {
    const [first] = members as [FindingClaim];
    const message = routeMessage(
      first.claim.route,
      groupedNotice(members.map((item) => item.finding)),
      { route: first.claim.route.name, variant: 'new' },
      formatters
    );
    for (const item of members) composed.set(item, { message });
  }
  for (const { route, loose, messages } of routes.values()) {
    const burst = hold?.bursts.get(route.name);
    const plan = planDigests(
      route,
      loose,
      messages,
      burst ? { aloneCap: burst.aloneGranted } : undefined
    );
    for (const item of plan.alone) {
      composed.set(item, { message: aloneMessage(item, formatters) });
    }
    for (const { variant, claims: digested } of plan.digests) {
      digestMessages(route, variant, digested, composed);
    }
    if (burst && hold && plan.held.length > 0)
      heldMessages(route, plan.held, burst, hold, composed);
  }
  return claimed.map((item) => {
    const done = composed.get(item);
    if (!done) throw new Error(`claim ${item.claim.key} is in no message`);
    return {
      ...item.claim,
      message: done.message,
      ...(done.digest ? { digest: done.digest } : {}),
      ...(done.held ? { held: done.held } : {}),
    };
  });
};
