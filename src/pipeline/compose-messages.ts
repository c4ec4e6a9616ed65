import { createHash } from 'node:crypto';
import { DIGEST_DEFAULTS } from '../config/digest-schema.js';
import type { DigestInput } from '../formatters/digest-view.js';
import type { Formatter } from '../formatters/formatter.js';
import { digestAttributes } from '../formatters/message-attributes.js';
import { renderDigestForRoute } from '../formatters/render-digest-route.js';
import type { OutgoingMessage } from '../publish/publisher.js';
import type { RouteTarget } from '../routing/router.js';
import type { Pending } from './deliver.js';
import { type FindingClaim, planDigests } from './digest-plan.js';
import { coverageGroups, groupedNotice } from './group-coverage.js';
import type { DigestRef } from './outcome.js';
import { routeMessage } from './route-message.js';

type Formatters = Readonly<Record<string, Formatter>>;

type Composed = {
  readonly message: OutgoingMessage;
  readonly digest?: DigestRef;
};

/** A digest's id: the same claims make the same id (replays and logs agree). */
const digestId = (route: string, claims: readonly FindingClaim[]): string =>
  createHash('sha256')
    .update(route)
    .update(claims.map((item) => item.claim.key).join('\n'))
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

/** One digest's messages (split to fit its format), each with the claims it counts. */
const digestMessages = (
  route: RouteTarget,
  variant: DigestInput['variant'],
  claims: readonly FindingClaim[],
  into: Map<FindingClaim, Composed>
): void => {
  const id = digestId(route.name, claims);
  const input: DigestInput = {
    id,
    route: route.name,
    variant,
    nameFrom: (route.digest ?? DIGEST_DEFAULTS).nameFrom,
    items: claims.map(({ finding, claim }) => ({
      finding,
      ...(claim.previous ? { previousSeverity: claim.previous.severity } : {}),
    })),
  };
  const findings = claims.map((item) => item.finding);
  const parts = renderDigestForRoute(
    route,
    input,
    digestAttributes(findings, route.name)
  );
  for (const { message, members, part, parts: count } of parts) {
    const carried = members.map((index) => claims[index] as FindingClaim);
    const outgoing: OutgoingMessage = {
      route: route.name,
      findingId: `digest:${id}/${part}`,
      topicArn: route.topicArn,
      subject: message.subject,
      body: message.body,
      ...(message.structure ? { structure: message.structure } : {}),
      attributes: digestAttributes(
        carried.map((item) => item.finding),
        route.name
      ),
    };
    const digest = { id, part, parts: count, findings: carried.length };
    for (const item of carried) into.set(item, { message: outgoing, digest });
  }
};

/**
 * The messages an invocation's claims make, per route: coverage changes of
 * one kind share one grouped notice; when a route would still send more
 * than its digest threshold, the rest become digests (`planDigests`), and
 * what goes alone is rendered as it always is. Same order and length as
 * `claimed`; every claim is in exactly one message (checked).
 */
export const composeMessages = (
  claimed: readonly FindingClaim[],
  formatters: Formatters
): Pending[] => {
  const composed = new Map<FindingClaim, Composed>();
  const groups = coverageGroups(claimed, (item) => item.claim.route.name);
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
  const byRoute = new Map<string, FindingClaim[]>();
  for (const item of claimed) {
    const list = byRoute.get(item.claim.route.name) ?? [];
    list.push(item);
    byRoute.set(item.claim.route.name, list);
  }
  for (const claims of byRoute.values()) {
    const route = (claims[0] as FindingClaim).claim.route;
    const loose = claims.filter((item) => !composed.has(item));
    const grouped = new Set(
      claims.flatMap((item) => {
        const done = composed.get(item);
        return done ? [done.message] : [];
      })
    ).size;
    const plan = planDigests(route, loose, loose.length + grouped);
    for (const item of plan.alone) {
      composed.set(item, { message: aloneMessage(item, formatters) });
    }
    for (const { variant, claims: digested } of plan.digests) {
      digestMessages(route, variant, digested, composed);
    }
  }
  return claimed.map((item) => {
    const done = composed.get(item);
    if (!done) throw new Error(`claim ${item.claim.key} is in no message`);
    return {
      ...item.claim,
      message: done.message,
      ...(done.digest ? { digest: done.digest } : {}),
    };
  });
};
