import type {
  AcknowledgeResult,
  Acknowledger,
  FindingIdentifier,
} from '../acknowledge/acknowledger.js';
import type { DedupStore } from '../dedup/dedup-store.js';
import { type EventMeta, parseEvent } from '../events/parse-event.js';
import type { Finding } from '../findings/finding.js';
import type { Formatter } from '../format/render.js';
import type { Publisher } from '../publish/publisher.js';
import type { Router, RouteTarget } from '../routing/router.js';
import { messageAttributes } from './attributes.js';
import {
  type ClaimWait,
  createClaimFor,
  DEFAULT_CLAIM_WAIT,
  type WaitBudget,
} from './claim-for.js';
import { collapseRepeats } from './collapse-repeats.js';
import { createDeliver, type Pending, releaseAll } from './deliver.js';
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
};

/** A Security Hub finding to acknowledge once its route announced it. */
type AckCandidate = { route: string; identifier: FindingIdentifier };

const resourceOf = (finding: Finding): string => {
  const resource = finding.resources[0];
  return resource?.name
    ? `${resource.name} (${resource.id})`
    : (resource?.id ?? 'unknown');
};

const report = (
  finding: Finding,
  outcome: FindingReport['outcome'],
  reason: string,
  deliveries: readonly Delivery[]
): FindingReport => ({
  findingId: finding.id,
  product: finding.product,
  type: finding.type,
  title: finding.title,
  resource: resourceOf(finding),
  severity: finding.severity,
  lifecycle: finding.status.lifecycle,
  outcome,
  reason,
  deliveries,
});

/**
 * The notifier's core: event → findings → routes → dedup claim → message →
 * publish → confirm (or release). Expected outcomes are values; only the
 * handler decides what a failed delivery means for the invocation.
 */
export const createPipeline = (deps: PipelineDeps) => {
  const claimFor = createClaimFor({
    dedup: deps.dedup,
    now: deps.now,
    wait: deps.claimWait ?? DEFAULT_CLAIM_WAIT,
  });
  const deliver = createDeliver(deps);

  const claimRoute = async (
    finding: Finding,
    route: RouteTarget,
    budget: WaitBudget
  ): Promise<Pending | Delivery> => {
    const claim = await claimFor(finding, route, budget);
    if (!('token' in claim)) return claim;
    try {
      // Render step: the claim decided the variant; the formatter only
      // turns the finding into the message text.
      const formatter = deps.formatters[route.format];
      if (!formatter)
        throw new Error(`No formatter for format "${route.format}"`);
      const rendered = formatter(finding, {
        route: route.name,
        variant: claim.variant,
        ...(claim.previous
          ? { previousSeverity: claim.previous.severity }
          : {}),
      });
      return {
        ...claim,
        message: {
          route: route.name,
          findingId: finding.id,
          topicArn: route.topicArn,
          subject: rendered.subject,
          body: rendered.body,
          ...(rendered.structure ? { structure: rendered.structure } : {}),
          attributes: messageAttributes(finding, route.name),
        },
      };
    } catch (error) {
      await releaseAll(deps, [claim]);
      throw error;
    }
  };

  /** ASFF findings still NEW that a route with `acknowledge` published. */
  const ackCandidates = (
    finding: Finding,
    pending: readonly Pending[],
    delivered: readonly Delivery[]
  ): AckCandidate[] => {
    if (
      finding.source !== 'securityhub' ||
      finding.status.workflow !== 'NEW' ||
      !finding.productArn
    )
      return [];
    const identifier = { id: finding.id, productArn: finding.productArn };
    return pending
      .filter(
        (claim, index) =>
          claim.route.acknowledge && delivered[index]?.outcome === 'published'
      )
      .map((claim) => ({ route: claim.route.name, identifier }));
  };

  const acknowledge = async (
    candidates: readonly AckCandidate[],
    meta: EventMeta
  ): Promise<AcknowledgeResult[] | undefined> => {
    const { acknowledger } = deps;
    if (!acknowledger || candidates.length === 0) return undefined;
    const byRoute = new Map<string, FindingIdentifier[]>();
    for (const { route, identifier } of candidates) {
      byRoute.set(route, [...(byRoute.get(route) ?? []), identifier]);
    }
    const results: AcknowledgeResult[] = [];
    for (const [route, identifiers] of byRoute) {
      const result = await acknowledger.acknowledge(route, identifiers);
      results.push(result);
      for (const failure of result.failed) {
        // The notification went out and is recorded: a retry would not
        // acknowledge either (it is a duplicate now), so this only logs.
        deps.log.error('acknowledge failed', {
          eventId: meta.eventId,
          route,
          findingId: failure.findingId,
          errorCode: failure.code,
          reason: failure.message,
        });
      }
      if (result.acknowledged.length > 0) {
        deps.log.info('findings acknowledged in Security Hub', {
          eventId: meta.eventId,
          route,
          findingIds: result.acknowledged,
        });
      }
    }
    return results;
  };

  const processFinding = async (
    finding: Finding,
    meta: EventMeta,
    budget: WaitBudget,
    acks: AckCandidate[]
  ): Promise<FindingReport> => {
    const routing = deps.router(finding, deps.now());
    if (routing.kind === 'suppressed') {
      const reason = `suppressed by ${routing.rule}: ${routing.reason}`;
      deps.log.info('finding suppressed', {
        eventId: meta.eventId,
        findingId: finding.id,
        outcome: 'suppressed',
        rule: routing.rule,
        reason,
      });
      return report(finding, 'suppressed', reason, []);
    }
    if (routing.kind === 'filtered') {
      deps.log.info('finding filtered', {
        eventId: meta.eventId,
        findingId: finding.id,
        outcome: 'filtered',
        reason: routing.reason,
      });
      return report(finding, 'filtered', routing.reason, []);
    }
    const pending: Pending[] = [];
    const deliveries: Delivery[] = [];
    try {
      for (const route of routing.routes) {
        const result = await claimRoute(finding, route, budget);
        if ('token' in result) pending.push(result);
        else deliveries.push(result);
      }
    } catch (error) {
      // Nothing may stay claimed when the invocation fails.
      await releaseAll(deps, pending);
      throw error;
    }
    const delivered = await deliver(pending);
    deliveries.push(...delivered);
    acks.push(...ackCandidates(finding, pending, delivered));
    for (const delivery of deliveries) {
      const attributes = {
        eventId: meta.eventId,
        findingId: finding.id,
        route: delivery.route,
        outcome: delivery.outcome,
        severity: finding.severity.label,
        title: finding.title,
        ...(delivery.reason ? { reason: delivery.reason } : {}),
        ...(delivery.errorCode ? { errorCode: delivery.errorCode } : {}),
        ...(delivery.retryable !== undefined
          ? { retryable: delivery.retryable }
          : {}),
        ...(delivery.messageId ? { messageId: delivery.messageId } : {}),
      };
      if (delivery.outcome === 'failed')
        deps.log.error('delivery failed', attributes);
      else deps.log.info(`finding ${delivery.outcome}`, attributes);
    }
    const { outcome, reason } = summarize(deliveries);
    return report(finding, outcome, reason, deliveries);
  };

  return {
    /** Processes one EventBridge event; never throws for bad input. */
    run: async (raw: unknown): Promise<EventReport> => {
      const parsed = parseEvent(raw);
      if (parsed.kind !== 'findings') {
        return {
          meta: parsed.meta,
          outcome: parsed.kind,
          reason: parsed.reason,
          findings: [],
        };
      }
      const { findings: unique, repeats } = collapseRepeats(parsed.findings);
      const budget: WaitBudget = {
        remainingMs: (deps.claimWait ?? DEFAULT_CLAIM_WAIT).maxWaitMs,
      };
      const acks: AckCandidate[] = [];
      const findings: FindingReport[] = [];
      for (const finding of unique) {
        findings.push(await processFinding(finding, parsed.meta, budget, acks));
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
