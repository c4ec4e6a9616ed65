import { HANDLED_EVENT_KINDS } from '../src/event-kinds/parse-event.js';

/**
 * An EventBridge event pattern: every leaf is an array of separate values or
 * operators (`["MEDIUM", "HIGH"]`, never `["MEDIUM,HIGH"]`).
 */
export type EventPattern = { readonly [key: string]: PatternValue };
export type PatternValue =
  | readonly (string | number | null | PatternOperator)[]
  | EventPattern
  | readonly EventPattern[];
export type PatternOperator =
  | { readonly prefix: string }
  | { readonly 'anything-but': readonly string[] | string }
  | { readonly exists: boolean }
  | { readonly numeric: readonly (string | number)[] };

/** One rule: the events of one source the function handles. */
export type NotifierRule = {
  /** Stable id used for construct ids and SAM logical ids. */
  readonly id: string;
  readonly description: string;
  readonly pattern: EventPattern;
};

const RULE_IDS: Record<string, { id: string; description: string }> = {
  'aws.inspector2': {
    id: 'Inspector2Findings',
    description: 'Amazon Inspector findings to findings-notifier',
  },
  'inspector2.ami.ondemand': {
    id: 'Inspector2OnDemandAmiFindings',
    description:
      'Amazon Inspector on-demand AMI scan findings to findings-notifier',
  },
  'aws.securityhub': {
    id: 'SecurityHubFindingsImported',
    description: 'AWS Security Hub imported findings to findings-notifier',
  },
};

/** The channel (config `source` condition) each event source feeds. */
export const SOURCE_CHANNEL: Record<string, 'inspector2' | 'securityhub'> = {
  'aws.inspector2': 'inspector2',
  'inspector2.ami.ondemand': 'inspector2',
  'aws.securityhub': 'securityhub',
};

const bySource = (): Map<string, string[]> => {
  const sources = new Map<string, string[]>();
  for (const { source, detailType } of HANDLED_EVENT_KINDS) {
    sources.set(source, [...(sources.get(source) ?? []), detailType]);
  }
  return sources;
};

/**
 * THE source of truth for the notifier's rules, one per event source, built
 * from the event kinds the function handles (`HANDLED_EVENT_KINDS`): a kind
 * added to the parser gets a rule, and a kind it does not handle (Scan,
 * Coverage, Custom Action, Insight Results, Findings Imported V2) never
 * invokes the function. CDK deploys these, the SAM template is checked
 * against them, and the tests match the sample events against them.
 *
 * These are the patterns before any narrowing by the config (see
 * `pre-filter.ts`).
 */
export const basePatterns = (): NotifierRule[] =>
  [...bySource()].map(([source, detailTypes]) => {
    const names = RULE_IDS[source];
    if (!names) {
      throw new Error(
        `no rule id for handled source ${source}: add it to RULE_IDS`
      );
    }
    return {
      ...names,
      pattern: { source: [source], 'detail-type': [...detailTypes] },
    };
  });
