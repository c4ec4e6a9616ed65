import { describe, expect, it } from 'vitest';
import { DIGEST_DEFAULTS } from '../../../src/config/digest-settings.js';
import type { Variant } from '../../../src/dedup/variant.js';
import type { SeverityLabel } from '../../../src/events/severity.js';
import {
  type FindingClaim,
  planDigests,
} from '../../../src/pipeline/digest-plan.js';
import type { RouteTarget } from '../../../src/routing/router.js';
import { aFinding } from '../../helpers/a-finding.js';

const ROUTE: RouteTarget = {
  name: 'security',
  topicArn: 'arn:aws:sns:eu-west-1:123456789012:security',
  format: 'chatbot',
  dedupWindowMs: 24 * 3_600_000,
  announceResolutions: true,
  acknowledge: false,
  digest: DIGEST_DEFAULTS,
};

const claimOf = (
  n: number,
  label: SeverityLabel,
  variant: Variant = 'new'
): FindingClaim => {
  const finding = aFinding();
  return {
    finding: {
      ...finding,
      id: `${finding.id}-${n}`,
      severity: { ...finding.severity, label },
    },
    claim: { route: ROUTE, key: `k${n}`, token: `t${n}`, variant },
  };
};

const ids = (claims: readonly FindingClaim[]) =>
  claims.map((item) => item.claim.key);

describe('planDigests: what goes alone, what is digested', () => {
  it('sends everything alone at or below the threshold (a quiet batch is unchanged)', () => {
    const claims = Array.from({ length: 5 }, (_, n) => claimOf(n, 'MEDIUM'));

    const plan = planDigests(ROUTE, claims, 5);

    expect(ids(plan.alone)).toEqual(ids(claims));
    expect(plan.digests).toEqual([]);
  });

  it('above it: the worst findings at or above aloneFrom alone up to aloneMax, the rest in one digest per kind', () => {
    const claims = [
      claimOf(0, 'MEDIUM'),
      claimOf(1, 'CRITICAL'),
      claimOf(2, 'CRITICAL'),
      claimOf(3, 'HIGH', 'escalated'),
      claimOf(4, 'MEDIUM', 'escalated'),
      claimOf(5, 'LOW', 'resolved'),
      claimOf(6, 'HIGH', 'shared'),
    ];

    const plan = planDigests(ROUTE, claims, claims.length);

    // One CRITICAL (the first of equals) and the shared finding go alone;
    // the lone resolution is a digest of one, so it goes alone too.
    expect(ids(plan.alone).sort()).toEqual(['k1', 'k5', 'k6']);
    expect(
      plan.digests.map((digest) => [digest.variant, ids(digest.claims)])
    ).toEqual([
      ['new', ['k0', 'k2']],
      ['escalated', ['k3', 'k4']],
    ]);
  });

  it('honours the route settings: off, a higher cap, fewer kinds', () => {
    const claims = Array.from({ length: 8 }, (_, n) =>
      claimOf(n, n < 3 ? 'CRITICAL' : 'MEDIUM', n % 2 ? 'reminder' : 'new')
    );
    const off = { ...ROUTE, digest: { ...DIGEST_DEFAULTS, enabled: false } };
    const capped = {
      ...ROUTE,
      digest: { ...DIGEST_DEFAULTS, aloneMax: 3, variants: ['new' as const] },
    };

    expect(planDigests(off, claims, 8).digests).toEqual([]);
    const plan = planDigests(capped, claims, 8);
    // The three CRITICAL alone, reminders never digested.
    expect(ids(plan.alone).sort()).toEqual([
      'k0',
      'k1',
      'k2',
      'k3',
      'k5',
      'k7',
    ]);
    expect(ids(plan.digests[0]?.claims ?? [])).toEqual(['k4', 'k6']);
  });

  it('counts a grouped notice as one message towards the threshold', () => {
    const claims = Array.from({ length: 3 }, (_, n) => claimOf(n, 'MEDIUM'));

    expect(planDigests(ROUTE, claims, 3 + 2).digests).toEqual([]);
    expect(planDigests(ROUTE, claims, 3 + 3).digests).toHaveLength(1);
  });
});
