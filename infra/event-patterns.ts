import type { EventKind } from '../src/event-kinds/event-kind.js';
import type { EventPattern } from '../src/event-kinds/event-pattern.js';
import { EVENT_KINDS } from '../src/event-kinds/registry.js';
import type { Channel } from '../src/events/channels.js';

/** One rule: the events of one kind the function handles. */
export type NotifierRule = {
  /** Stable id used for construct ids and SAM logical ids. */
  readonly id: string;
  readonly description: string;
  /** The channel its findings arrive on, for narrowing by the config. */
  readonly channel: Channel;
  readonly pattern: EventPattern;
};

/** The rule of one event kind, before any narrowing. */
export const ruleOf = (kind: EventKind): NotifierRule => ({
  id: kind.id,
  description: kind.description,
  channel: kind.channel,
  pattern: { source: [kind.source], 'detail-type': [kind.detailType] },
});

/**
 * THE source of truth for the notifier's rules: one per event kind in the
 * registry (`src/event-kinds/registry.ts`), so a kind added there gets a
 * rule, and a kind not there (Scan, Coverage, Custom Action, Insight
 * Results, ...) never invokes the function. CDK deploys these, the SAM
 * template is checked against them, and the tests match the sample events
 * against them.
 *
 * These are the patterns before any narrowing by the config (see
 * `pre-filter.ts`).
 */
export const basePatterns = (
  kinds: readonly EventKind[] = EVENT_KINDS
): NotifierRule[] => kinds.map(ruleOf);
