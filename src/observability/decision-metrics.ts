import type { Decision, DecisionOutcome } from './decision.js';

/** Where counted decisions go at the end of an invocation. */
export type MetricsEmitter = {
  /** Counts for one route and severity (both undefined for event-level outcomes). */
  emit(
    dimensions: { readonly route?: string; readonly severity?: string },
    counts: ReadonlyMap<DecisionOutcome, number>
  ): void;
};

export type DecisionMetrics = {
  count(decision: Decision): void;
  /** Emits and resets the counts gathered since the last flush. */
  flush(): void;
};

/**
 * Counts decisions by route and severity during an invocation and emits one
 * group per dimension set when flushed, so a burst of findings becomes a few
 * metric lines, not one per finding.
 */
export const createDecisionMetrics = (
  emitter: MetricsEmitter
): DecisionMetrics => {
  let groups = new Map<
    string,
    {
      dimensions: { route?: string; severity?: string };
      counts: Map<DecisionOutcome, number>;
    }
  >();
  return {
    count: (decision) => {
      const dimensions = {
        ...(decision.route ? { route: decision.route } : {}),
        ...(decision.severity ? { severity: decision.severity } : {}),
      };
      const key = `${dimensions.route ?? ''}|${dimensions.severity ?? ''}`;
      const group = groups.get(key) ?? { dimensions, counts: new Map() };
      group.counts.set(
        decision.outcome,
        (group.counts.get(decision.outcome) ?? 0) + 1
      );
      groups.set(key, group);
    },
    flush: () => {
      const pending = groups;
      groups = new Map();
      for (const { dimensions, counts } of pending.values())
        emitter.emit(dimensions, counts);
    },
  };
};
