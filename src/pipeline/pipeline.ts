import pMap from 'p-map';
import type { Acknowledger } from '../acknowledge/acknowledger.js';
import type { DedupStore } from '../dedup/dedup-store.js';
import type { EventKind } from '../event-kinds/event-kind.js';
import { parseEvent } from '../event-kinds/parse-event.js';
import type { Finding } from '../findings/finding.js';
import type { ItemKind } from '../findings/notice.js';
import type { Formatter } from '../formatters/formatter.js';
import type { Publisher } from '../publish/publisher.js';
import type { Router } from '../routing/router.js';
import { unservedReason } from '../routing/served-kinds.js';
import {
  type AckCandidate,
  ackCandidates,
  createAcknowledgeStep,
} from './acknowledge-step.js';
import {
  type Claimed,
  type ClaimWait,
  createClaimFor,
  DEFAULT_CLAIM_WAIT,
  type WaitBudget,
} from './claim-for.js';
import { collapseRepeats } from './collapse-repeats.js';
import { composeMessages } from './compose-messages.js';
import { createDeliver, type Pending, releaseAll } from './deliver.js';
import type { FindingClaim } from './digest-plan.js';
import { report, waves } from './finding-report.js';
import type { Log } from './log.js';
import {
  type Delivery,
  type EventReport,
  type FindingReport,
  summarize,
} from './outcome.js';

export type PipelineDeps = {
  readonly router: Router;
  readonly dedup: DedupStore;
  readonly publisher: Publisher;
  readonly formatters: Readonly<Record<string, Formatter>>;
  readonly now: () => Date;
  readonly log: Log;
  /** Sets announced Security Hub findings to NOTIFIED on routes that ask. */
  readonly acknowledger?: Acknowledger;
  /** Waiting for another invocation's live claim. */
  readonly claimWait?: ClaimWait;
  /** Item kinds some route asks for; events of no such kind are ignored. @default all */
  readonly servedKinds?: ReadonlySet<ItemKind>;
  /** The event kinds read: the registry's by default. */
  readonly kinds?: readonly EventKind[];
};

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
 * The notifier's core: event → findings → routes → dedup claim → message →
 * publish → confirm (or release). Expected outcomes are values; only the
 * handler decides what a failed delivery means for the invocation.
 */
export const createPipeline = (deps: PipelineDeps) => {
  const claimWait = deps.claimWait ?? DEFAULT_CLAIM_WAIT;
  const claimFor = createClaimFor({
    dedup: deps.dedup,
    now: deps.now,
    wait: claimWait,
  });
  const deliver = createDeliver(deps);
  const acknowledge = createAcknowledgeStep(deps);

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
    acksOf: (finding: Finding) => AckCandidate[]
  ): Promise<FindingReport[]> => {
    const prepared = await prepareWave(wave, budget);
    const claimed: FindingClaim[] = prepared.flatMap((item) =>
      'done' in item
        ? []
        : item.claims.map((claim) => ({ finding: item.finding, claim }))
    );
    let outgoing: Pending[];
    try {
      outgoing = composeMessages(claimed, deps.formatters);
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

  /**
   * Processes events together, as one invocation: their findings are
   * claimed and published in shared waves (so a fleet's coverage changes
   * become one notice per route), and each event gets its own report.
   * Never throws for bad input.
   */
  const runBatch = async (raws: readonly unknown[]): Promise<EventReport[]> => {
    const parsed = raws.map((raw) => parseEvent(raw, deps.kinds));
    const done: (EventReport | undefined)[] = parsed.map((event) => {
      if (event.kind !== 'findings') {
        return {
          meta: event.meta,
          outcome: event.kind,
          reason: event.reason,
          findings: [],
        };
      }
      const unserved =
        deps.servedKinds && unservedReason(event.findings, deps.servedKinds);
      return unserved
        ? {
            meta: event.meta,
            outcome: 'ignored',
            reason: unserved,
            findings: [],
          }
        : undefined;
    });
    const eventOf = new Map<Finding, number>();
    const reports: FindingReport[][] = parsed.map(() => []);
    const acks: AckCandidate[][] = parsed.map(() => []);
    const repeats: Finding[][] = parsed.map(() => []);
    const unique: Finding[] = [];
    parsed.forEach((event, index) => {
      if (event.kind !== 'findings' || done[index]) return;
      const collapsed = collapseRepeats(event.findings);
      for (const finding of collapsed.findings) {
        eventOf.set(finding, index);
        unique.push(finding);
      }
      repeats[index] = collapsed.repeats;
    });
    const budget: WaitBudget = { remainingMs: claimWait.maxWaitMs };
    const indexOf = (finding: Finding) => eventOf.get(finding) ?? 0;
    for (const wave of waves(unique)) {
      const results = await processWave(
        wave,
        budget,
        (finding) => acks[indexOf(finding)] ?? []
      );
      results.forEach((result, position) => {
        const finding = wave[position];
        if (finding) reports[indexOf(finding)]?.push(result);
      });
    }
    const results: EventReport[] = [];
    for (const [index, event] of parsed.entries()) {
      const settled = done[index];
      if (settled || event.kind !== 'findings') {
        results.push(settled as EventReport);
        continue;
      }
      const findings = reports[index] ?? [];
      for (const repeat of repeats[index] ?? []) {
        findings.push(
          report(repeat, 'duplicate', 'repeated in the same event', [])
        );
      }
      const acknowledgements = await acknowledge(acks[index] ?? [], event.meta);
      results.push({
        meta: event.meta,
        outcome: 'processed',
        findings,
        ...(acknowledgements ? { acknowledgements } : {}),
        ...(event.rejected ? { rejected: event.rejected } : {}),
      });
    }
    return results;
  };

  return {
    /** Processes one EventBridge event; never throws for bad input. */
    run: async (raw: unknown): Promise<EventReport> => {
      const [result] = await runBatch([raw]);
      if (!result) throw new Error('runBatch returned no report');
      return result;
    },
    runBatch,
  };
};

export type Pipeline = ReturnType<typeof createPipeline>;
