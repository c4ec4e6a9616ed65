import type { DedupStore } from '../dedup/dedup-store.js';
import { type EventMeta, parseEvent } from '../events/parse-event.js';
import type { Finding } from '../findings/finding.js';
import type { Formatter } from '../format/render.js';
import { renderForRoute } from '../format/render-route.js';
import type { OutgoingMessage, Publisher } from '../publish/publisher.js';
import type { Router, RouteTarget } from '../routing/router.js';
import { announcedState, dedupKey } from './announced-state.js';
import { messageAttributes } from './attributes.js';
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
};

type Claimed = {
  route: RouteTarget;
  key: string;
  token: string;
  message: OutgoingMessage;
  variant: Delivery['variant'];
};

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
  const claimRoute = async (
    finding: Finding,
    route: RouteTarget
  ): Promise<Claimed | Delivery> => {
    const key = dedupKey(route.name, finding);
    const claim = await deps.dedup.claim({
      key,
      state: announcedState(finding),
      now: deps.now(),
      windowMs: route.dedupWindowMs,
    });
    const base = {
      route: route.name,
      topicArn: route.topicArn,
      format: route.format,
    };
    if (claim.kind === 'duplicate') {
      return { ...base, outcome: 'duplicate', reason: claim.reason };
    }
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
      deps.formatters
    );
    return {
      route,
      key,
      token: claim.token,
      variant: claim.variant,
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
  };

  const deliver = async (claims: readonly Claimed[]): Promise<Delivery[]> => {
    if (claims.length === 0) return [];
    const results = await deps.publisher.publish(
      claims.map((claim) => claim.message)
    );
    return Promise.all(
      claims.map(async (claim, index): Promise<Delivery> => {
        const result = results[index];
        const base = {
          route: claim.route.name,
          topicArn: claim.route.topicArn,
          format: claim.route.format,
          variant: claim.variant,
          message: claim.message,
        };
        if (result?.ok) {
          await deps.dedup.confirm(claim.key, claim.token, deps.now());
          return { ...base, outcome: 'published', messageId: result.messageId };
        }
        // Give the claim back so a retry of this event can announce it.
        await deps.dedup.release(claim.key, claim.token);
        return {
          ...base,
          outcome: 'failed',
          reason: result
            ? `${result.code}: ${result.message}`
            : 'no publish result',
          retryable: result ? result.retryable : true,
        };
      })
    );
  };

  const processFinding = async (
    finding: Finding,
    meta: EventMeta
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
    const claimed: Claimed[] = [];
    const deliveries: Delivery[] = [];
    for (const route of routing.routes) {
      const result = await claimRoute(finding, route);
      if ('token' in result) claimed.push(result);
      else deliveries.push(result);
    }
    deliveries.push(...(await deliver(claimed)));
    for (const delivery of deliveries) {
      const attributes = {
        eventId: meta.eventId,
        findingId: finding.id,
        route: delivery.route,
        outcome: delivery.outcome,
        severity: finding.severity.label,
        title: finding.title,
        ...(delivery.reason ? { reason: delivery.reason } : {}),
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
      const findings: FindingReport[] = [];
      for (const finding of parsed.findings) {
        findings.push(await processFinding(finding, parsed.meta));
      }
      return { meta: parsed.meta, outcome: 'processed', findings };
    },
  };
};

export type Pipeline = ReturnType<typeof createPipeline>;
