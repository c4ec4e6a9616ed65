import pMap from 'p-map';
import { DIGEST_DEFAULTS } from '../config/digest-settings.js';
import type { Burst } from '../dedup/burst-ledger.js';
import type { Finding } from '../findings/finding.js';
import { type AckCandidate, ackCandidates } from './acknowledge-step.js';
import type { Claimed, createClaimFor, WaitBudget } from './claim-for.js';
import {
  composeMessages,
  type RouteClaims,
  routeClaims,
  routeDemands,
} from './compose-messages.js';
import { createDeliver, type Pending, releaseAll } from './deliver.js';
import type { FindingClaim } from './digest-plan.js';
import { report } from './finding-report.js';
import type { HoldTarget } from './hold-messages.js';
import { type Delivery, type FindingReport, summarize } from './outcome.js';
import type { PipelineDeps } from './pipeline-deps.js';

/** A routed finding with its claims (to publish) and its other deliveries. */
type Claiming = {
  readonly finding: Finding;
  readonly claims: readonly Claimed[];
  readonly deliveries: readonly Delivery[];
};

/** Findings routed and claimed at once (each one or two DynamoDB calls per route). */
export const CLAIM_CONCURRENCY = 32;

/** A finding that is done (filtered, suppressed) or waits for its publish. */
type Prepared = { readonly done: FindingReport } | Claiming;

/**
 * One wave of an invocation: findings with distinct ids, routed, claimed,
 * composed into messages, published and settled together.
 */
export const createProcessWave = (
  deps: PipelineDeps,
  claimFor: ReturnType<typeof createClaimFor>
) => {
  const deliver = createDeliver(deps);

  /** Routes a finding and claims its routes; publishing comes later, per wave. */
  const prepareFinding = async (
    finding: Finding,
    budget: WaitBudget,
    held: Claimed[]
  ): Promise<Prepared> => {
    const routing = deps.router(finding, deps.now());
    if (routing.kind === 'suppressed') {
      const reason = `suppressed by ${routing.rule}: ${routing.reason}`;
      return { done: report(finding, 'suppressed', reason, []) };
    }
    if (routing.kind === 'filtered') {
      return { done: report(finding, 'filtered', routing.reason, []) };
    }
    // Each route has its own dedup key: the claims go out together, not
    // one round trip after another.
    const settled = await Promise.allSettled(
      routing.routes.map(async (route) => {
        const claim = await claimFor(finding, route, budget);
        // Shared with the caller as soon as it exists, so a throw releases it.
        if ('token' in claim) held.push(claim);
        return claim;
      })
    );
    const claims: Claimed[] = [];
    const deliveries: Delivery[] = [];
    let failure: { reason: unknown } | undefined;
    for (const result of settled) {
      if (result.status === 'rejected') failure ??= result;
      else if ('token' in result.value) claims.push(result.value);
      else deliveries.push(result.value);
    }
    if (failure) throw failure.reason;
    return { finding, claims, deliveries };
  };

  /**
   * Routes and claims a wave's findings, `CLAIM_CONCURRENCY` at a time (a
   * batch of thousands fits the function's timeout). If any claim fails,
   * the others in flight finish, then every claim made is released.
   */
  const prepareWave = async (
    wave: readonly Finding[],
    budget: WaitBudget
  ): Promise<Prepared[]> => {
    const held: Claimed[] = [];
    let failure: { error: unknown } | undefined;
    const prepared = await pMap(
      wave,
      async (finding): Promise<Prepared | undefined> => {
        if (failure) return undefined;
        try {
          return await prepareFinding(finding, budget, held);
        } catch (error) {
          failure ??= { error };
          return undefined;
        }
      },
      { concurrency: CLAIM_CONCURRENCY }
    );
    if (failure) {
      // Nothing may stay claimed when the invocation fails.
      await releaseAll(deps, held);
      throw failure.error;
    }
    return prepared as Prepared[];
  };

  const finishFinding = (
    { finding, claims, deliveries: unclaimed }: Claiming,
    delivered: readonly Delivery[],
    acks: AckCandidate[]
  ): FindingReport => {
    const deliveries = [...unclaimed, ...delivered];
    acks.push(...ackCandidates(finding, claims, delivered));
    const { outcome, reason } = summarize(deliveries);
    return report(finding, outcome, reason, deliveries);
  };

  /**
   * The open burst of each route that holds (buffered mode, a ledger, and
   * `digest.holdSeconds` above 0): entered for every such route with claims,
   * so a route already in a burst holds even a small batch.
   */
  const holdTarget = async (
    claims: RouteClaims,
    queueArn: string | undefined
  ): Promise<HoldTarget | undefined> => {
    const { bursts: ledger } = deps;
    if (!queueArn || !ledger || !deps.holder) return undefined;
    const now = (deps.queueNow ?? deps.now)();
    const bursts = new Map<string, Burst>();
    await Promise.all(
      routeDemands(claims).map(async ({ route, demand }) => {
        const settings = route.digest ?? DIGEST_DEFAULTS;
        if (!settings.enabled || settings.holdSeconds === 0) return;
        const burst = await ledger.enter({
          route: route.name,
          now,
          open: demand.digests,
          holdMs: settings.holdSeconds * 1000,
          aloneMax: settings.aloneMax,
          aloneWanted: demand.aloneWanted,
        });
        if (burst) bursts.set(route.name, burst);
      })
    );
    return { queueArn, now: now.getTime(), bursts };
  };

  /**
   * One wave: findings with distinct ids. All their routes are claimed
   * first, then the messages composed per route (grouped coverage notices,
   * digests of a burst, the rest alone) and published together (so SNS
   * batches per topic), then each claim is confirmed or released with its
   * message. Anything thrown before the publish releases every claim of
   * the wave.
   */
  const processWave = async (
    wave: readonly Finding[],
    budget: WaitBudget,
    acksOf: (finding: Finding) => AckCandidate[],
    queueArn?: string
  ): Promise<FindingReport[]> => {
    const prepared = await prepareWave(wave, budget);
    const claimed: FindingClaim[] = prepared.flatMap((item) =>
      'done' in item
        ? []
        : item.claims.map((claim) => ({ finding: item.finding, claim }))
    );
    let outgoing: Pending[];
    try {
      const claims = routeClaims(claimed);
      outgoing = composeMessages(
        claimed,
        claims,
        deps.formatters,
        await holdTarget(claims, queueArn)
      );
    } catch (error) {
      await releaseAll(
        deps,
        claimed.map((item) => item.claim)
      );
      throw error;
    }
    const delivered = await deliver(outgoing);
    const byClaim = new Map(
      claimed.map((item, index) => [item.claim, delivered[index]])
    );
    return prepared.map((item) =>
      'done' in item
        ? item.done
        : finishFinding(
            item,
            item.claims.flatMap((claim) => {
              const delivery = byClaim.get(claim);
              return delivery ? [delivery] : [];
            }),
            acksOf(item.finding)
          )
    );
  };

  return processWave;
};
