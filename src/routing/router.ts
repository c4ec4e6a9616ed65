import type { Config } from '../config/config-schema.js';
import type { Finding } from '../findings/finding.js';
import type { MessageFormat } from '../format/formats.js';

/** Where and how one finding is announced. */
export type RouteTarget = {
  readonly name: string;
  readonly topicArn: string;
  readonly format: MessageFormat;
  /** Same state inside this window is a duplicate. */
  readonly dedupWindowMs: number;
  /** Announce resolutions of findings this route announced. */
  readonly announceResolutions: boolean;
};

/** The routing decision for one finding. */
export type RoutingResult =
  | { readonly kind: 'routed'; readonly routes: readonly RouteTarget[] }
  | { readonly kind: 'filtered'; readonly reason: string };

export type Router = (finding: Finding) => RoutingResult;

const HOUR_MS = 3_600_000;

/**
 * Builds the router from a validated config: every open finding goes to
 * every route; suppressed and resolved findings are filtered.
 */
export const createRouter = (config: Config): Router => {
  const targets: readonly RouteTarget[] = config.routes.map((route) => ({
    name: route.name,
    topicArn: route.topicArn,
    format: route.format,
    dedupWindowMs:
      (route.dedupWindowHours ?? config.dedup.windowHours) * HOUR_MS,
    announceResolutions: route.announceResolutions,
  }));
  return (finding) =>
    finding.status.lifecycle === 'OPEN'
      ? { kind: 'routed', routes: targets }
      : {
          kind: 'filtered',
          reason: `finding is ${finding.status.lifecycle.toLowerCase()}; no route announces ${finding.status.lifecycle.toLowerCase()} findings`,
        };
};
