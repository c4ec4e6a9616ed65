import {
  DIGEST_DEFAULTS,
  type DigestVariant,
} from '../config/digest-settings.js';
import { severityRank } from '../events/severity.js';
import type { Finding } from '../findings/finding.js';
import type { RouteTarget } from '../routing/router.js';
import type { Claimed } from './claim-for.js';

/** A claim with the finding it announces. */
export type FindingClaim = {
  readonly finding: Finding;
  readonly claim: Claimed;
};

/** One route's claims in a batch: which go alone, which into which digest, which wait for the burst's digest. */
export type DigestPlan = {
  readonly alone: readonly FindingClaim[];
  readonly digests: readonly {
    readonly variant: DigestVariant;
    readonly claims: readonly FindingClaim[];
  }[];
  /** Held for the digest of the route's open burst (buffered mode). */
  readonly held: readonly FindingClaim[];
};

/** What a route's claims in a batch ask of its burst. */
export type RouteDemand = {
  /** More than `above` messages: the batch digests, or opens a burst. */
  readonly digests: boolean;
  /** Urgent findings that would go alone (at most `aloneMax`). */
  readonly aloneWanted: number;
};

const rankOf = (item: FindingClaim) =>
  severityRank[item.finding.severity.label];

const settingsOf = (route: RouteTarget) => route.digest ?? DIGEST_DEFAULTS;

/** The claims that may be digested, and of those the urgent ones, worst first. */
const candidates = (route: RouteTarget, claims: readonly FindingClaim[]) => {
  const settings = settingsOf(route);
  const variants = new Set<string>(settings.variants);
  const floor = severityRank[settings.aloneFrom];
  const digestible = claims.filter((item) => variants.has(item.claim.variant));
  const urgent = digestible
    .filter((item) => rankOf(item) >= floor)
    // Stable: equal severities keep their arrival order.
    .sort((a, b) => rankOf(b) - rankOf(a));
  return { digestible: new Set(digestible), urgent };
};

/**
 * Whether a route's claims in one invocation would make it digest (`messages`
 * counts what it would send without digests: a grouped coverage notice is
 * one message), and how many urgent findings it would send alone.
 */
export const routeDemand = (
  route: RouteTarget,
  claims: readonly FindingClaim[],
  messages: number
): RouteDemand => {
  const settings = settingsOf(route);
  return {
    digests: settings.enabled && messages > settings.above,
    aloneWanted: Math.min(
      settings.aloneMax,
      candidates(route, claims).urgent.length
    ),
  };
};

/**
 * Decides, for one route and one invocation, what is announced alone and
 * what is digested (the route's `digest` settings):
 * - in an open burst (`burst`, buffered mode): the `aloneCap` worst findings
 *   at or above `aloneFrom` go alone, every other digestible finding is held
 *   for the burst's digest, kinds not listed in `variants` (and shared
 *   findings) go alone;
 * - otherwise, digests off or at most `above` messages to send: all alone,
 *   unchanged;
 * - otherwise the worst findings at or above `aloneFrom` go alone, at most
 *   `aloneMax`; kinds not in `variants` go alone; the rest make one digest
 *   per kind, and a digest of one goes alone.
 */
export const planDigests = (
  route: RouteTarget,
  claims: readonly FindingClaim[],
  messages: number,
  burst?: { readonly aloneCap: number }
): DigestPlan => {
  const settings = settingsOf(route);
  if (!burst && !routeDemand(route, claims, messages).digests) {
    return { alone: claims, digests: [], held: [] };
  }
  const { digestible, urgent } = candidates(route, claims);
  const first = new Set(
    urgent.slice(0, burst ? burst.aloneCap : settings.aloneMax)
  );
  const alone: FindingClaim[] = [];
  const rest: FindingClaim[] = [];
  for (const item of claims) {
    if (first.has(item) || !digestible.has(item)) alone.push(item);
    else rest.push(item);
  }
  if (burst) return { alone, digests: [], held: rest };
  const byVariant = new Map<DigestVariant, FindingClaim[]>();
  for (const item of rest) {
    const variant = item.claim.variant as DigestVariant;
    const list = byVariant.get(variant) ?? [];
    list.push(item);
    byVariant.set(variant, list);
  }
  const digests: { variant: DigestVariant; claims: FindingClaim[] }[] = [];
  for (const [variant, list] of byVariant) {
    if (list.length === 1) alone.push(...list);
    else digests.push({ variant, claims: list });
  }
  return { alone, digests, held: [] };
};
