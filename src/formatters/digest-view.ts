import type { DigestVariant } from '../config/digest-settings.js';
import {
  type FindingSeverityLabel,
  severityRank,
  WORST_FIRST,
} from '../events/severity.js';
import type { DigestFinding } from '../findings/digest-finding.js';

/** One finding in a digest, with what its announcement needs. */
export type DigestItem = {
  readonly finding: DigestFinding;
  /** The severity announced before, for escalations. */
  readonly previousSeverity?: FindingSeverityLabel;
};

/** Findings of one route, batch and announcement kind, to be digested. */
export type DigestInput = {
  /** Stable for the batch: thread id and logs. */
  readonly id: string;
  readonly route: string;
  readonly variant: DigestVariant;
  readonly items: readonly DigestItem[];
  /** Findings at or above this are named with their resource. */
  readonly nameFrom: FindingSeverityLabel;
};

/** Findings people act on together: one vulnerability, control or title. */
export type DigestGroup = {
  readonly key: string;
  /** Untrusted text: escaped by each format. */
  readonly label: string;
  readonly top: FindingSeverityLabel;
  readonly low: FindingSeverityLabel;
  /** Indices into the digest's items: named ones first, by severity. */
  readonly named: readonly number[];
  readonly counted: readonly number[];
  readonly accounts: number;
  /** The account of its first member: all of them when `accounts` is 1. */
  readonly account: string;
};

/** What people act on: the vulnerability, the control, else the title. */
const groupKey = (finding: DigestFinding): { key: string; label: string } => {
  const vulnerability = finding.vulnerability?.ids[0];
  if (vulnerability) return { key: `v:${vulnerability}`, label: finding.title };
  const control = finding.compliance?.controlId;
  if (control) return { key: `c:${control}`, label: finding.title };
  const detector = finding.code?.detectorId ?? finding.code?.ruleId;
  if (detector) return { key: `d:${detector}`, label: finding.title };
  return { key: `t:${finding.type}:${finding.title}`, label: finding.title };
};

const rank = (label: FindingSeverityLabel) => severityRank[label];

/**
 * The digest's groups: those with a named finding first (worst severity,
 * then largest), then the others, largest first.
 */
export const digestGroups = (input: DigestInput): DigestGroup[] => {
  const floor = rank(input.nameFrom);
  const byKey = new Map<string, { label: string; members: number[] }>();
  input.items.forEach(({ finding }, index) => {
    const { key, label } = groupKey(finding);
    const group = byKey.get(key) ?? { label, members: [] };
    group.members.push(index);
    byKey.set(key, group);
  });
  const severityOf = (index: number) =>
    (input.items[index] as DigestItem).finding.severity.label;
  const groups = [...byKey].map(([key, { label, members }]): DigestGroup => {
    const sorted = [...members].sort(
      (a, b) => rank(severityOf(b)) - rank(severityOf(a))
    );
    return {
      key,
      label,
      top: severityOf(sorted[0] as number),
      low: severityOf(sorted.at(-1) as number),
      named: sorted.filter((index) => rank(severityOf(index)) >= floor),
      counted: sorted.filter((index) => rank(severityOf(index)) < floor),
      accounts: new Set(
        members.map((index) => input.items[index]?.finding.accountId)
      ).size,
      account: input.items[members[0] as number]?.finding.accountId ?? '',
    };
  });
  const size = (group: DigestGroup) =>
    group.named.length + group.counted.length;
  return groups.sort(
    (a, b) =>
      Number(b.named.length > 0) - Number(a.named.length > 0) ||
      (a.named.length > 0 ? rank(b.top) - rank(a.top) : 0) ||
      size(b) - size(a) ||
      a.key.localeCompare(b.key)
  );
};

const ARN_RESOURCE = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:(.+)$/;

/**
 * How a digest names a finding's resource: its name (instance Name tag,
 * `repo:tag`, function name), else its id without the ARN prefix; the
 * account in front when the digest spans several accounts.
 */
export const resourceLabel = (finding: DigestFinding, withAccount: boolean) => {
  const resource = finding.resources[0];
  const id = resource?.id ?? 'unknown resource';
  const short = resource?.name ?? ARN_RESOURCE.exec(id)?.[1] ?? id;
  return withAccount ? `${finding.accountId}/${short}` : short;
};

const NOUN = {
  new: ['new finding', 'new findings'],
  escalated: ['escalated finding', 'escalated findings'],
  resolved: ['resolved finding', 'resolved findings'],
  reminder: ['reminder', 'reminders'],
} as const satisfies Record<DigestVariant, readonly [string, string]>;

/** "3 CRITICAL, 120 HIGH, 289 MEDIUM": the members per severity, worst first. */
export const severityCounts = (
  input: DigestInput,
  members: readonly number[]
): string => {
  const counts = new Map<FindingSeverityLabel, number>();
  for (const index of members) {
    const label = (input.items[index] as DigestItem).finding.severity.label;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return WORST_FIRST.filter((label) => counts.has(label))
    .map((label) => `${counts.get(label)} ${label}`)
    .join(', ');
};

/** "412 new findings: 3 CRITICAL, 120 HIGH, 289 MEDIUM in 3 accounts". */
export const digestHeadline = (
  input: DigestInput,
  members: readonly number[]
): string => {
  const accounts = new Set(
    members.map((index) => (input.items[index] as DigestItem).finding.accountId)
  );
  const [one, many] = NOUN[input.variant];
  const bySeverity = severityCounts(input, members);
  const where =
    accounts.size === 1
      ? `in account ${[...accounts][0]}`
      : `in ${accounts.size} accounts`;
  return `${members.length} ${members.length === 1 ? one : many}: ${bySeverity} ${where}`;
};

/** "HIGH" or "MEDIUM–CRITICAL". */
export const severitySpan = (group: DigestGroup): string =>
  group.top === group.low ? group.top : `${group.low}–${group.top}`;

/** Every account in the digest: decides whether resources carry theirs. */
export const spansAccounts = (input: DigestInput): boolean =>
  new Set(input.items.map((item) => item.finding.accountId)).size > 1;

/**
 * Where a group's findings are, after its count: " in 3 accounts", or its
 * account when the digest spans several (its names then need none).
 */
export const groupWhere = (input: DigestInput, group: DigestGroup): string =>
  group.accounts > 1
    ? ` in ${group.accounts} accounts`
    : spansAccounts(input)
      ? ` in account ${group.account}`
      : '';

/** Whether a finding's name carries its account: its group spans several. */
export const namedWithAccount = (
  input: DigestInput
): ((index: number) => boolean) => {
  const accounts = new Map<string, Set<string>>();
  const keys = input.items.map(({ finding }) => {
    const { key } = groupKey(finding);
    const set = accounts.get(key) ?? new Set<string>();
    set.add(finding.accountId);
    accounts.set(key, set);
    return key;
  });
  return (index) => (accounts.get(keys[index] as string)?.size ?? 0) > 1;
};

/** The worst severity among `members`. */
export const topSeverity = (
  input: DigestInput,
  members: readonly number[]
): FindingSeverityLabel =>
  members
    .map((index) => (input.items[index] as DigestItem).finding.severity.label)
    .reduce<FindingSeverityLabel>(
      (worst, label) => (rank(label) > rank(worst) ? label : worst),
      'INFORMATIONAL'
    );
