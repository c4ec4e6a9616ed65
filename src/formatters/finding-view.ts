import type { Finding } from '../findings/finding.js';
import { resourceUrl } from './console-links.js';
import { kindFacts } from './finding-facts.js';
import { findingLinks } from './finding-links.js';
import type { RenderContext } from './formatter.js';
import { noticeSeverityText } from './notice-facts.js';
import { SEVERITY_EMOJI } from './severity-emoji.js';
import { snsSubject } from './text-safety.js';
import type { Fact, FindingView, Line, Segment } from './view.js';

const VARIANT_LABEL = {
  new: undefined,
  escalated: 'Escalated',
  resolved: 'Resolved',
  reminder: 'Reminder',
  shared: 'Shared',
} as const satisfies Record<RenderContext['variant'], string | undefined>;

const severityText = (finding: Finding): string => {
  const { label, score } = finding.severity;
  return score === undefined ? label : `${label} ${score.toFixed(1)}`;
};

const changeText = (finding: Finding, context: RenderContext) => {
  switch (context.variant) {
    case 'escalated':
      return `Severity escalated: ${context.previousSeverity ?? 'unknown'} → ${finding.severity.label}`;
    case 'resolved':
      return `Resolved: ${finding.status.provider ?? finding.status.compliance ?? finding.status.record ?? finding.status.lifecycle}`;
    case 'reminder':
      return 'Reminder: still open, announced before';
    case 'shared': {
      const action = finding.sharedBy;
      return action
        ? `Shared with the Security Hub custom action "${action.actionName}"${action.actionDescription ? ` (${action.actionDescription})` : ''}`
        : 'Shared';
    }
    default:
      return undefined;
  }
};

const statusText = (finding: Finding): string =>
  [
    finding.status.lifecycle,
    finding.status.provider,
    finding.status.workflow && `workflow ${finding.status.workflow}`,
    finding.status.record && `record ${finding.status.record}`,
  ]
    .filter(Boolean)
    .join(', ');

/** Facts every finding has, before the kind's own. */
const commonFacts = (finding: Finding): Fact[] => [
  { label: 'Account', value: [{ text: finding.accountId }] },
  { label: 'Region', value: [{ text: finding.region }] },
  {
    label: 'Product',
    value: [{ text: `${finding.company} ${finding.product}` }],
  },
  // A notice's status is in its own facts (Coverage, Scan).
  ...(finding.notice
    ? []
    : [{ label: 'Status', value: [{ text: statusText(finding) }] }]),
];

const resourceLine = (finding: Finding): Line => {
  const resource = finding.resources[0];
  if (!resource) return [{ text: 'unknown resource' }];
  const url = resourceUrl(resource, finding);
  const named = resource.name && resource.name !== resource.id;
  const head: Segment = {
    text: named ? (resource.name ?? resource.id) : resource.id,
    ...(url ? { url } : {}),
  };
  const more =
    finding.resources.length > 1
      ? [{ text: ` and ${finding.resources.length - 1} more resources` }]
      : [];
  return named
    ? [
        head,
        { text: ' (' },
        { text: resource.id, code: true },
        { text: ')' },
        ...more,
      ]
    : [{ ...head, code: !url }, ...more];
};

// Text that says nothing is not a next step: empty placeholders, and
// Inspector's boilerplate pointing back at the fixed versions shown anyway.
const EMPTY_ADVICE =
  /^(none provided|none|n\/a|not ?available|-)?\.?$|^remediation is available\. please refer to the fixed version/i;

const nextSteps = (finding: Finding): string[] => {
  const steps: string[] = [];
  const text = finding.remediation?.text?.trim();
  if (text && !EMPTY_ADVICE.test(text)) steps.push(text);
  const packageAdvice = new Set(
    (finding.vulnerability?.packages ?? [])
      .slice(0, 50)
      .map((pkg) => pkg.remediation?.trim() ?? '')
      .filter((advice) => advice !== '' && !EMPTY_ADVICE.test(advice))
  );
  steps.push(...[...packageAdvice].slice(0, 3));
  return steps;
};

type FindingParts = Omit<FindingView, 'context' | 'variantLabel' | 'change'>;

const partsOf = (finding: Finding): FindingParts => {
  const { facts, sections } = kindFacts(finding);
  return {
    finding,
    severity: noticeSeverityText(finding) ?? severityText(finding),
    emoji: SEVERITY_EMOJI[finding.severity.label],
    resource: resourceLine(finding),
    facts: [...commonFacts(finding), ...facts],
    sections,
    nextSteps: nextSteps(finding),
    links: findingLinks(finding),
    keywords: [
      finding.severity.label,
      finding.product,
      finding.type,
      ...(finding.vulnerability?.ids.slice(0, 1) ?? []),
      ...(finding.compliance?.controlId ? [finding.compliance.controlId] : []),
    ],
  };
};

// Findings are not changed once normalized: what depends on the finding
// alone is worked out once, however many routes and formats render it.
const partsCache = new WeakMap<Finding, FindingParts>();

/** The format-neutral view of one finding for one announcement. */
export const findingView = (
  finding: Finding,
  context: RenderContext
): FindingView => {
  let parts = partsCache.get(finding);
  if (!parts) {
    parts = partsOf(finding);
    partsCache.set(finding, parts);
  }
  const variantLabel = VARIANT_LABEL[context.variant];
  const change = changeText(finding, context);
  return {
    ...parts,
    context,
    ...(variantLabel ? { variantLabel } : {}),
    ...(change ? { change } : {}),
  };
};

/** The SNS subject every format shares: `[HIGH] Escalated: <title>`. */
export const subjectOf = (view: FindingView): string =>
  snsSubject(
    `[${view.severity}] ${view.variantLabel ? `${view.variantLabel}: ` : ''}${view.finding.title}`
  );
