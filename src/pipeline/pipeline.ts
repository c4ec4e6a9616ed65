import type { Acknowledger } from '../acknowledge/acknowledger.js';
import type { DedupStore } from '../dedup/dedup-store.js';
import type { EventKind } from '../event-kinds/event-kind.js';
import { parseEvent } from '../event-kinds/parse-event.js';
import type { Finding } from '../findings/finding.js';
import type { Formatter } from '../formatters/formatter.js';
import { messageAttributes } from '../formatters/message-attributes.js';
import { renderForRoute } from '../formatters/render-route.js';
import type { Publisher } from '../publish/publisher.js';
import type { Router, RouteTarget } from '../routing/router.js';
import {
  type AckCandidate,
  ackCandidates,
  createAcknowledgeStep,
} from './acknowledge-step.js';
import {
  type ClaimWait,
  createClaimFor,
  DEFAULT_CLAIM_WAIT,
  type WaitBudget,
} from './claim-for.js';
import { collapseRepeats } from './collapse-repeats.js';
import { createDeliver, type Pending, releaseAll } from './deliver.js';
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
  /** The event kinds read: the registry's by default. */
  readonly kinds?: readonly EventKind[];
};

/** A routed finding with its claims (to publish) and its other deliveries. */
type Claiming = {
  readonly finding: Finding;
  readonly pending: readonly Pending[];
  readonly deliveries: readonly Delivery[];
};

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

  const claimRoute = async (
    finding: Finding,
    route: RouteTarget,
    budget: WaitBudget
  ): Promise<Pending | Delivery> => {
    const claim = await claimFor(finding, route, budget);
    if (!('token' in claim)) return claim;
    try {
      // Render step: the claim decided the variant; rendering only turns
      // the finding into the route's message.
      const attributes = messageAttributes(finding, route.name);
      const rendered = renderForRoute(
        route,
        finding,
        {
          route: route.name,
          variant: claim.variant,
          ...(claim.previous
            ? { previousSeverity: claim.previous.severity }
            : {}),
        },
        deps.formatters,
        attributes
      );
      return {
        ...claim,
        message: {
          route: route.name,
          findingId: finding.id,
          topicArn: route.topicArn,
          subject: rendered.subject,
          body: rendered.body,
          ...(rendered.structure ? { structure: rendered.structure } : {}),
          attributes,
        },
      };
    } catch (error) {
      await releaseAll(deps, [claim]);
      throw error;
    }
  };

  /** Routes a finding and claims its routes; publishing comes later, per wave. */
  const prepareFinding = async (
    finding: Finding,
    budget: WaitBudget,
    claimed: Pending[]
  ): Promise<Prepared> => {
    const routing = deps.router(finding, deps.now());
    if (routing.kind === 'suppressed') {
      const reason = `suppressed by ${routing.rule}: ${routing.reason}`;
      return { done: report(finding, 'suppressed', reason, []) };
    }
    if (routing.kind === 'filtered') {
      return { done: report(finding, 'filtered', routing.reason, []) };
    }
    const pending: Pending[] = [];
    const deliveries: Delivery[] = [];
    for (const route of routing.routes) {
      const result = await claimRoute(finding, route, budget);
      if ('token' in result) {
        pending.push(result);
        // Shared with the caller at once, so a later throw releases it.
        claimed.push(result);
      } else deliveries.push(result);
    }
    return { finding, pending, deliveries };
  };

  const finishFinding = (
    { finding, pending, deliveries: unclaimed }: Claiming,
    delivered: readonly Delivery[],
    acks: AckCandidate[]
  ): FindingReport => {
    const deliveries = [...unclaimed, ...delivered];
    acks.push(...ackCandidates(finding, pending, delivered));
    const { outcome, reason } = summarize(deliveries);
    return report(finding, outcome, reason, deliveries);
  };

  /**
   * One wave: findings with distinct ids. All their routes are claimed
   * first, then published together (so SNS batches per topic), then each
   * claim is confirmed or released. Anything thrown before the publish
   * releases every claim of the wave.
   */
  const processWave = async (
    wave: readonly Finding[],
    budget: WaitBudget,
    acks: AckCandidate[]
  ): Promise<FindingReport[]> => {
    const claimed: Pending[] = [];
    const prepared: Prepared[] = [];
    try {
      for (const finding of wave) {
        prepared.push(await prepareFinding(finding, budget, claimed));
      }
    } catch (error) {
      // Nothing may stay claimed when the invocation fails.
      await releaseAll(deps, claimed);
      throw error;
    }
    const delivered = await deliver(claimed);
    const byClaim = new Map(
      claimed.map((claim, index) => [claim, delivered[index]])
    );
    return prepared.map((item) =>
      'done' in item
        ? item.done
        : finishFinding(
            item,
            item.pending.flatMap((claim) => {
              const delivery = byClaim.get(claim);
              return delivery ? [delivery] : [];
            }),
            acks
          )
    );
  };

  return {
    /** Processes one EventBridge event; never throws for bad input. */
    run: async (raw: unknown): Promise<EventReport> => {
      const parsed = parseEvent(raw, deps.kinds);
      if (parsed.kind !== 'findings') {
        return {
          meta: parsed.meta,
          outcome: parsed.kind,
          reason: parsed.reason,
          findings: [],
        };
      }
      const { findings: unique, repeats } = collapseRepeats(parsed.findings);
      const budget: WaitBudget = { remainingMs: claimWait.maxWaitMs };
      const acks: AckCandidate[] = [];
      const findings: FindingReport[] = [];
      for (const wave of waves(unique)) {
        findings.push(...(await processWave(wave, budget, acks)));
      }
      for (const repeat of repeats) {
        findings.push(
          report(repeat, 'duplicate', 'repeated in the same event', [])
        );
      }
      const acknowledgements = await acknowledge(acks, parsed.meta);
      return {
        meta: parsed.meta,
        outcome: 'processed',
        findings,
        ...(acknowledgements ? { acknowledgements } : {}),
      };
    },
  };
};

export type Pipeline = ReturnType<typeof createPipeline>;
