import type { Config } from '../src/config/config-schema.js';
import type { EventKind } from '../src/event-kinds/event-kind.js';
import { EVENT_KINDS } from '../src/event-kinds/registry.js';
import { CHANNELS, type Channel } from '../src/events/channels.js';
import {
  type FindingSeverityLabel,
  SEVERITY_LABELS,
  type SeverityLabel,
  severityRank,
} from '../src/events/severity.js';
import type { Condition } from '../src/filters/condition-schema.js';
import { type NotifierRule, ruleOf } from './event-patterns.js';

/**
 * Every match condition of every route, or `undefined` when some route has
 * no `match` (it matches any finding, so nothing can be narrowed).
 */
const allConditions = (config: Config): Condition[] | undefined => {
  const conditions: Condition[] = [];
  for (const route of config.routes) {
    if (!route.match) return undefined;
    conditions.push(...route.match);
  }
  return conditions;
};

/**
 * The channels some route can announce: all of them unless every condition
 * names its `source`. Suppressions and `exclude` only remove findings, so
 * they never widen this.
 */
export const reachableChannels = (config: Config): Set<Channel> => {
  const all = new Set<Channel>(CHANNELS);
  const conditions = allConditions(config);
  if (!conditions) return all;
  const channels = new Set<Channel>();
  for (const condition of conditions) {
    if (!condition.source) return all;
    for (const channel of condition.source) channels.add(channel);
  }
  return channels;
};

const LABELS = Object.keys(severityRank) as FindingSeverityLabel[];

const labelsOf = (
  severity: NonNullable<Condition['severity']>
): FindingSeverityLabel[] => {
  const min = severity.min === undefined ? 0 : severityRank[severity.min];
  const max = severity.max === undefined ? 5 : severityRank[severity.max];
  return LABELS.filter(
    (label) =>
      severityRank[label] >= min &&
      severityRank[label] <= max &&
      (severity.in === undefined || severity.in.includes(label))
  );
};

/**
 * The severity labels some route can announce, or `undefined` when no
 * narrowing is provably safe. Safe only when every route has a `match`,
 * every condition sets `severity`, and no route announces resolutions (a
 * resolution is announced whatever its severity is by then). Only kinds that
 * declare a `severityDetailPattern` are narrowed: for ASFF the computed label
 * *is* `Severity.Label` when it is present (README "Severity"), and a finding
 * without a Label (scored from Normalized) is let through by the pattern, so
 * nothing the function could announce is dropped.
 *
 * Inspector2 events are never narrowed by severity: the function computes
 * their label from `inspectorScore` or CVSS first, which may differ from the
 * `severity` field a pattern could test.
 */
export const announcedLabels = (
  config: Config
): SeverityLabel[] | undefined => {
  if (config.routes.some((route) => route.announceResolutions)) {
    return undefined;
  }
  const conditions = allConditions(config);
  if (!conditions) return undefined;
  const labels = new Set<string>();
  for (const condition of conditions) {
    if (!condition.severity) return undefined;
    for (const label of labelsOf(condition.severity)) labels.add(label);
  }
  // UNTRIAGED is Inspector's alone: keep the labels a pattern can test.
  const testable = SEVERITY_LABELS.filter((label) => labels.has(label));
  return testable.length === SEVERITY_LABELS.length ? undefined : testable;
};

/**
 * The rules to deploy for a config: the base patterns (`event-patterns.ts`)
 * narrowed only where the config provably can never announce the events
 * left out, so that events the function would drop anyway cost no
 * invocation. Rules for a channel no route can match are left out.
 */
export const notifierRules = (
  config: Config,
  kinds: readonly EventKind[] = EVENT_KINDS
): NotifierRule[] => {
  const channels = reachableChannels(config);
  const labels = announcedLabels(config);
  return kinds
    .filter((kind) => channels.has(kind.channel))
    .map((kind) => {
      const rule = ruleOf(kind);
      return kind.severityDetailPattern && labels
        ? {
            ...rule,
            pattern: {
              ...rule.pattern,
              detail: kind.severityDetailPattern(labels),
            },
          }
        : rule;
    });
};
