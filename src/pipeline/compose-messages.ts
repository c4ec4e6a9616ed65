import type { DigestInput, DigestItem } from '../formatters/digest-view.js';
import type { Formatter } from '../formatters/formatter.js';
import type { OutgoingMessage } from '../publish/publisher.js';
import type { RouteTarget } from '../routing/router.js';
import type { Pending } from './deliver.js';
import { digestIdOf, renderDigest } from './digest-messages.js';
import {
  type FindingClaim,
  planDigests,
  type RouteDemand,
  routeDemand,
} from './digest-plan.js';
import { coverageGroups, groupedNotice } from './group-coverage.js';
import { type HoldTarget, heldMessages } from './hold-messages.js';
import type { DigestRef, HeldRef } from './outcome.js';
import { routeMessage } from './route-message.js';

type Formatters = Readonly<Record<string, Formatter>>;

type Composed = {
  readonly message: OutgoingMessage;
  readonly digest?: DigestRef;
  readonly held?: HeldRef;
};

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

/**
 * Each route's claims, the coverage groups among them (one notice each),
 * and how many messages the route would send without digests.
 */
export const routeClaims = (claimed: readonly FindingClaim[]) => {
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

/** An invocation's claims by route and coverage group, computed once per wave. */
export type RouteClaims = ReturnType<typeof routeClaims>;

/** What each route's claims in this invocation ask of its burst (buffered mode). */
export const routeDemands = (
  claims: RouteClaims
): { route: RouteTarget; demand: RouteDemand }[] =>
  [...claims.routes.values()].map(({ route, loose, messages }) => ({
    route,
    demand: routeDemand(route, loose, messages),
  }));

/**
 * The messages an invocation's claims make, per route: coverage changes of
 * one kind share one grouped notice; when a route would still send more
 * than its digest threshold, the rest become digests (`planDigests`), and
 * what goes alone is rendered as it always is. A route in an open burst
 * (`hold`, buffered mode) sends its held findings to the queue, delayed to
 * the burst's close. Takes `routeClaims(claimed)` beside `claimed`. Same order and
 * length as `claimed`; every claim is in
 * exactly one message (checked).
 */
export const composeMessages = (
  claimed: readonly FindingClaim[],
  { groups, routes }: RouteClaims,
  formatters: Formatters,
  hold?: HoldTarget
): Pending[] => {
  const composed = new Map<FindingClaim, Composed>();
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
      for (const [item, held] of heldMessages(route, plan.held, burst, hold))
        composed.set(item, held);
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
