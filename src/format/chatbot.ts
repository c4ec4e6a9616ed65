import { createHash } from 'node:crypto';
import type { Finding } from '../findings/finding.js';
import type { Formatter, RenderContext } from './render.js';
import { escapeMrkdwn, snsSubject, truncate } from './text-safety.js';

const SEVERITY_EMOJI: Record<string, string> = {
  CRITICAL: ':red_circle:',
  HIGH: ':large_orange_circle:',
  MEDIUM: ':large_yellow_circle:',
  LOW: ':large_blue_circle:',
  INFORMATIONAL: ':white_circle:',
  UNTRIAGED: ':grey_question:',
};

const VARIANT_PREFIX: Record<RenderContext['variant'], string> = {
  new: '',
  escalated: 'Escalated: ',
  resolved: 'Resolved: ',
  reminder: 'Reminder: ',
};

/** Stable per finding, so every update of it lands in one chat thread. */
export const threadIdFor = (finding: Finding): string =>
  `finding-${createHash('sha256').update(finding.id).digest('hex').slice(0, 32)}`;

const resourceLabel = (finding: Finding): string => {
  const resource = finding.resources[0];
  if (!resource) return 'unknown resource';
  return resource.name && resource.name !== resource.id
    ? `${resource.name} (${resource.id})`
    : resource.id;
};

const DESCRIPTION_MAX = 1500;

/**
 * An AWS Chatbot (Amazon Q Developer in chat applications) custom
 * notification: `version` 1.0, `source` custom, client-markdown content.
 * Every piece of finding text is escaped for Slack mrkdwn.
 */
export const formatChatbot: Formatter = (finding, context) => {
  const { label, score } = finding.severity;
  const scoreText = score === undefined ? '' : ` ${score.toFixed(1)}`;
  const title = `${SEVERITY_EMOJI[label] ?? ''} ${VARIANT_PREFIX[context.variant]}${label}${scoreText} | ${finding.title}`;
  const lines = [
    `*Resource:* ${escapeMrkdwn(resourceLabel(finding))}`,
    `*Account:* ${escapeMrkdwn(finding.accountId)}  *Region:* ${escapeMrkdwn(finding.region)}`,
    `*Source:* ${escapeMrkdwn(finding.product)}  *Type:* ${finding.type}`,
    '',
    escapeMrkdwn(truncate(finding.description, DESCRIPTION_MAX)),
  ];
  const remediation = finding.remediation?.text;
  const notification = {
    version: '1.0',
    source: 'custom',
    content: {
      textType: 'client-markdown',
      title: escapeMrkdwn(truncate(title, 250)),
      description: lines.join('\n'),
      ...(remediation
        ? { nextSteps: [escapeMrkdwn(truncate(remediation, 500))] }
        : {}),
      keywords: [label, finding.product, finding.type].map(escapeMrkdwn),
    },
    metadata: {
      threadId: threadIdFor(finding),
      summary: escapeMrkdwn(truncate(`${label}: ${finding.title}`, 250)),
      eventType: `finding.${context.variant}`,
      relatedResources: finding.resources
        .slice(0, 10)
        .map((resource) => resource.id),
      additionalContext: { findingId: finding.id, route: context.route },
    },
  };
  return {
    subject: snsSubject(
      `[${label}] ${VARIANT_PREFIX[context.variant]}${finding.title}`
    ),
    body: JSON.stringify(notification),
  };
};
