import { coverageReason } from '../findings/coverage-reasons.js';
import type { Finding } from '../findings/finding.js';
import type { CoverageNotice } from '../findings/notice.js';

/** From this many coverage changes of one kind on one route, one notice says them all. */
export const GROUP_MIN = 2;

const NOUNS: Readonly<Record<string, string>> = {
  AwsEc2Instance: 'EC2 instances',
  AwsEc2Image: 'machine images',
  AwsEcrRepository: 'ECR repositories',
  AwsEcrContainerImage: 'ECR images',
  AwsLambdaFunction: 'Lambda functions',
  AzureVirtualMachine: 'Azure virtual machines',
};

const nounOf = (members: readonly Finding[]): string => {
  const types = new Set(members.map((member) => member.resources[0]?.type));
  const [only] = types;
  return types.size === 1 && only ? (NOUNS[only] ?? 'resources') : 'resources';
};

/** What the members share: one notice can speak for all of them. */
const groupKey = (route: string, finding: Finding, notice: CoverageNotice) =>
  [
    route,
    finding.accountId,
    finding.region,
    notice.scanType,
    notice.status,
    notice.reason,
  ].join('\n');

/**
 * One notice for many resources whose coverage changed the same way: the
 * first member's notice, naming how many they are and listing them all (the
 * formats cut the list to fit and say how many more there are).
 */
export const groupedNotice = (members: readonly Finding[]): Finding => {
  const [first] = members;
  const notice = first?.notice;
  if (!first || notice?.kind !== 'coverage') {
    throw new Error('groupedNotice needs coverage notices');
  }
  const count = members.length;
  const noun = nounOf(members);
  const blind = notice.status !== 'ACTIVE';
  const { means } = coverageReason(notice.reason);
  const where = `account ${first.accountId}, ${first.region}`;
  return {
    ...first,
    id: `${first.id}#group-of-${count}`,
    title: blind
      ? `${count} ${noun} not scanned by Inspector (${notice.reason})`
      : `${count} ${noun} scanned by Inspector (${notice.reason})`,
    description: blind
      ? `Amazon Inspector does not scan ${count} ${noun} in ${where} (${notice.scanType} scans): ${means}. Vulnerabilities on them are not found while this lasts.`
      : `Amazon Inspector scans ${count} ${noun} in ${where} (${notice.scanType} scans): ${means}.`,
    resources: members.flatMap((member) => member.resources),
    notice: { ...notice, count },
  };
};

/**
 * Coverage changes claimed in one invocation on one route with the same
 * account, region, scan type, status and reason (a fleet losing SSM at
 * once): groups of at least `GROUP_MIN`, each to share one message. Every
 * member keeps its own claim, confirmed or released with that one publish.
 */
export const coverageGroups = <T extends { readonly finding: Finding }>(
  items: readonly T[],
  routeOf: (item: T) => string
): T[][] => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const { finding } = item;
    const notice = finding.notice;
    if (notice?.kind !== 'coverage' || finding.sharedBy) continue;
    const key = groupKey(routeOf(item), finding, notice);
    const members = groups.get(key) ?? [];
    members.push(item);
    groups.set(key, members);
  }
  return [...groups.values()].filter((members) => members.length >= GROUP_MIN);
};
