import type { Config, Route, Suppression } from '../config/config-schema.js';
import type { DigestSettings } from '../config/digest-settings.js';
import type { MessageFormat } from '../config/message-formats.js';
import type { Check } from '../filters/check.js';
import {
  compileCondition,
  describeCondition,
} from '../filters/compile-condition.js';
import type { Condition } from '../filters/condition-schema.js';
import { defaultKindCheck } from '../filters/default-kind.js';
import { defaultStatusCheck } from '../filters/default-status.js';
import type { Finding } from '../findings/finding.js';

/** Where and how one finding is announced. */
export type RouteTarget = {
  readonly name: string;
  readonly topicArn: string;
  readonly format: MessageFormat;
  /** Per-protocol bodies (SNS `MessageStructure` json). @default false */
  readonly perProtocol?: boolean;
  /** Same state inside this window is a duplicate. */
  readonly dedupWindowMs: number;
  /** Announce resolutions of findings this route announced. */
  readonly announceResolutions: boolean;
  /** Set announced Security Hub findings from NEW to NOTIFIED. */
  readonly acknowledge: boolean;
  /** How a burst on this route becomes digests. @default DIGEST_DEFAULTS */
  readonly digest?: DigestSettings;
};

/** The routing decision for one finding. */
export type RoutingResult =
  | { readonly kind: 'routed'; readonly routes: readonly RouteTarget[] }
  | { readonly kind: 'filtered'; readonly reason: string }
  | {
      readonly kind: 'suppressed';
      readonly rule: string;
      readonly reason: string;
    };

export type Router = (finding: Finding, now: Date) => RoutingResult;

const HOUR_MS = 3_600_000;

/** Any of the conditions holds: `undefined`, else the reasons none did. */
const anyOf =
  (checks: readonly Check[]): Check =>
  (finding) => {
    const reasons: string[] = [];
    for (const check of checks) {
      const reason = check(finding);
      if (reason === undefined) return undefined;
      reasons.push(reason);
    }
    return reasons.join(' / ');
  };

/**
 * A match condition plus the default kind and status rules for what it
 * leaves out. Findings a person shared with a custom action skip the status
 * rule: they are posted as the person asked, resolved or not.
 */
const matchCheck = (route: Route, condition?: Condition): Check => {
  const check = condition ? compileCondition(condition) : undefined;
  const kind = defaultKindCheck(route, condition);
  const status = defaultStatusCheck(route, condition?.status);
  return (finding) =>
    kind(finding) ??
    (finding.sharedBy ? undefined : status(finding)) ??
    check?.(finding);
};

type CompiledSuppression = {
  readonly name: string;
  readonly reason: string;
  readonly expires: number | undefined;
  readonly match: Check;
};

const compileSuppression = (suppression: Suppression): CompiledSuppression => ({
  name: suppression.name,
  reason: suppression.reason,
  expires: suppression.expires?.getTime(),
  match: anyOf(suppression.match.map(compileCondition)),
});

/** The first suppression in force at `at` that matches the finding. */
const suppressing = (
  suppressions: readonly CompiledSuppression[],
  finding: Finding,
  at: number
) =>
  suppressions.find(
    (suppression) =>
      (suppression.expires === undefined || at < suppression.expires) &&
      suppression.match(finding) === undefined
  );

type CompiledRoute = {
  readonly target: RouteTarget;
  readonly stop: boolean;
  /** Custom-action findings reach this route even when suppressed. */
  readonly ignoresSuppressions: boolean;
  readonly suppressions: readonly CompiledSuppression[];
  readonly match: Check;
  readonly excludes: readonly {
    readonly check: Check;
    readonly text: string;
  }[];
};

const compileRoute = (route: Route, config: Config): CompiledRoute => ({
  target: {
    name: route.name,
    topicArn: route.topicArn,
    format: route.format,
    perProtocol: route.perProtocol,
    dedupWindowMs:
      (route.dedupWindowHours ?? config.dedup.windowHours) * HOUR_MS,
    announceResolutions: route.announceResolutions,
    acknowledge: route.acknowledge,
    digest: route.digest,
  },
  stop: route.stop,
  ignoresSuppressions: route.customActionsIgnoreSuppressions === true,
  suppressions: (route.suppressions ?? []).map(compileSuppression),
  match: route.match
    ? anyOf(route.match.map((condition) => matchCheck(route, condition)))
    : matchCheck(route),
  excludes: (route.exclude ?? []).map((condition) => ({
    check: compileCondition(condition),
    text: describeCondition(condition),
  })),
});

/**
 * Compiles the routes and suppressions of a validated config once. For each
 * finding: the first unexpired suppression that matches wins; otherwise the
 * routes are evaluated in order (a route with `stop` ends the evaluation
 * once it matched) and the finding goes to every route that matched and
 * none of whose own unexpired suppressions matched. A finding no route took
 * because a route's suppression held is `suppressed` (by `route/name`).
 */
export const createRouter = (config: Config): Router => {
  const suppressions = config.suppressions.map(compileSuppression);
  const routes = config.routes.map((route) => compileRoute(route, config));
  const unsuppressible = routes.filter((route) => route.ignoresSuppressions);

  return (finding, now) => {
    const at = now.getTime();
    const global = suppressing(suppressions, finding, at);
    if (global) {
      // A person asked to share it: routes that say so still post it.
      const shared = finding.sharedBy
        ? evaluate(unsuppressible, finding, at)
        : undefined;
      if (shared?.kind === 'routed') return shared;
      return { kind: 'suppressed', rule: global.name, reason: global.reason };
    }
    return evaluate(routes, finding, at);
  };
};

/**
 * The routes a finding matches, in order, until one with `stop`, leaving out
 * routes whose own unexpired suppression holds (unless the route posts
 * shared findings whatever their suppressions say).
 */
const evaluate = (
  routes: readonly CompiledRoute[],
  finding: Finding,
  at: number
): RoutingResult => {
  const matched: RouteTarget[] = [];
  const misses: string[] = [];
  let routeSuppressed: { rule: string; reason: string } | undefined;
  for (const route of routes) {
    const miss = route.match(finding);
    if (miss !== undefined) {
      misses.push(`${route.target.name}: ${miss}`);
      continue;
    }
    const excluded = route.excludes.find(
      (exclude) => exclude.check(finding) === undefined
    );
    if (excluded) {
      misses.push(`${route.target.name}: excluded by ${excluded.text}`);
      continue;
    }
    const suppressed =
      finding.sharedBy && route.ignoresSuppressions
        ? undefined
        : suppressing(route.suppressions, finding, at);
    if (suppressed) {
      routeSuppressed ??= {
        rule: `${route.target.name}/${suppressed.name}`,
        reason: suppressed.reason,
      };
      misses.push(
        `${route.target.name}: suppressed by ${suppressed.name} (${suppressed.reason})`
      );
      continue;
    }
    matched.push(route.target);
    if (route.stop) break;
  }
  if (matched.length > 0) return { kind: 'routed', routes: matched };
  return routeSuppressed
    ? { kind: 'suppressed', ...routeSuppressed }
    : { kind: 'filtered', reason: `no route matched (${misses.join('; ')})` };
};

/** Each route's target by name: where a held burst digest goes. */
export const routeTargets = (
  config: Config
): ReadonlyMap<string, RouteTarget> =>
  new Map(
    config.routes.map((route) => [
      route.name,
      compileRoute(route, config).target,
    ])
  );
