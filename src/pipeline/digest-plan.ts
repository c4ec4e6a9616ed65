import {
  DIGEST_DEFAULTS,
  type DigestVariant,
} from '../config/digest-schema.js';
import { severityRank } from '../events/severity.js';
import type { Finding } from '../findings/finding.js';
import type { RouteTarget } from '../routing/router.js';
import type { Claimed } from './claim-for.js';

/** A claim with the finding it announces. */
export type FindingClaim = {
  readonly finding: Finding;
  readonly claim: Claimed;
};

/** One route's claims in a batch: which go alone, which into which digest. */
export type DigestPlan = {
  readonly alone: readonly FindingClaim[];
  readonly digests: readonly {
    readonly variant: DigestVariant;
    readonly claims: readonly FindingClaim[];
  }[];
};

const rankOf = (item: FindingClaim) =>
  severityRank[item.finding.severity.label];

const isDigestVariant = (
  variants: ReadonlySet<string>,
  item: FindingClaim
): boolean => variants.has(item.claim.variant);

/**
 * Decides, for one route and one invocation, what is announced alone and
 * what is digested (the route's `digest` settings):
 * - digests off, or at most `above` messages to send: all alone, unchanged;
 * - otherwise the worst findings at or above `aloneFrom` go alone, at most
 *   `aloneMax`; kinds not listed in `variants` (and shared findings) go
 *   alone; the rest make one digest per kind, and a digest of one goes alone.
 *
 * `messages` counts what the route would send without digests (a grouped
 * coverage notice is one message).
 */
export const planDigests = (
  route: RouteTarget,
  claims: readonly FindingClaim[],
  messages: number
): DigestPlan => {
  const settings = route.digest ?? DIGEST_DEFAULTS;
  if (!settings.enabled || messages <= settings.above) {
    return { alone: claims, digests: [] };
  }
  const variants = new Set<string>(settings.variants);
  const floor = severityRank[settings.aloneFrom];
  const urgent = new Set(
    claims
      .filter(
        (item) => isDigestVariant(variants, item) && rankOf(item) >= floor
      )
      // Stable: equal severities keep their arrival order.
      .sort((a, b) => rankOf(b) - rankOf(a))
      .slice(0, settings.aloneMax)
  );
  const alone: FindingClaim[] = [];
  const byVariant = new Map<DigestVariant, FindingClaim[]>();
  for (const item of claims) {
    if (urgent.has(item) || !isDigestVariant(variants, item)) {
      alone.push(item);
      continue;
    }
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
  return { alone, digests };
};
