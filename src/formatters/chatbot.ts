import { createHash } from 'node:crypto';
import type { Finding } from '../findings/finding.js';
import { sizesFor } from './detail-sizes.js';
import { findingView, subjectOf } from './finding-view.js';
import { fitList } from './fit-lists.js';
import type { Formatter } from './formatter.js';
import { mrkdwnLine } from './line-render.js';
import { mrkdwnText } from './text-safety.js';
import type { FindingView } from './view.js';

/** Stable per finding, so every update of it lands in one chat thread. */
export const threadIdFor = (finding: Finding): string =>
  `finding-${createHash('sha256').update(finding.id).digest('hex').slice(0, 32)}`;

/** Kept under Slack's 3000-character section limit, where Chatbot renders it. */
export const CHATBOT_DESCRIPTION_MAX = 3000;
export const CHATBOT_TITLE_MAX = 250;

/** The title as `:emoji: [Variant: ]HIGH 7.5 | <title>`, escaped. */
const titleOf = (view: FindingView, max: number): string => {
  const prefix = `${view.emoji} ${view.variantLabel ? `${view.variantLabel}: ` : ''}${view.severity} | `;
  return `${prefix}${mrkdwnText(view.finding.title, max - prefix.length)}`;
};

const nonEmpty = (texts: readonly string[]): string[] =>
  texts.filter((text) => text !== '');

const factLine = (label: string, value: string) => `*${label}:* ${value}`;

/** The description: facts, text, lists and links, within `max` characters. */
const descriptionOf = (view: FindingView, max: number): string => {
  const sizes = sizesFor(view.context.detail);
  const head = [
    ...(view.change ? [`*${mrkdwnText(view.change, 200)}*`] : []),
    factLine('Resource', mrkdwnLine(view.resource, 400)),
    ...view.facts.map((fact) =>
      factLine(mrkdwnText(fact.label, 40), mrkdwnLine(fact.value, 200))
    ),
  ].join('\n');
  const links = view.links
    .map((link) => `<${link.url}|${mrkdwnText(link.text, 40)}>`)
    .join(' · ');
  let room = max - head.length - links.length - 8;
  const lists: string[] = [];
  for (const section of view.sections) {
    const chars = Math.min(sizes.listChars, Math.floor(room / 2));
    if (sizes.listItems === 0 || chars < 100) break;
    const lines = fitList(section, {
      maxChars: chars - section.title.length - 5,
      maxItems: sizes.listItems,
      render: mrkdwnLine,
      note: (text) => `_${text}_`,
    });
    const block = [`*${section.title}*`, ...lines].join('\n');
    lists.push(block);
    room -= block.length + 2;
  }
  const description = mrkdwnText(
    view.finding.description,
    Math.max(0, Math.min(sizes.description, room - 2)),
    { multiline: true }
  );
  const body = [head, description, ...lists, links]
    .filter((part) => part !== '')
    .join('\n\n');
  if (body.length <= max) return body;
  // Only reachable with a huge head of facts: keep whole lines, so no link
  // or entity is cut.
  const cut = body.lastIndexOf('\n', max - 3);
  return cut > 0 ? `${body.slice(0, cut)}\n…` : '…';
};

/**
 * An AWS Chatbot (Amazon Q Developer in chat applications) custom
 * notification: `version` 1.0, `source` custom, client-markdown content.
 * Every piece of finding text is cleaned and escaped for Slack mrkdwn.
 */
export const formatChatbot: Formatter = (finding, context) => {
  const view = findingView(finding, context);
  const sizes = sizesFor(context.detail);
  const nextSteps = nonEmpty(
    view.nextSteps
      .slice(0, sizes.nextSteps)
      .map((step) => mrkdwnText(step, 500))
  );
  const notification = {
    version: '1.0',
    source: 'custom',
    content: {
      textType: 'client-markdown',
      title: titleOf(view, CHATBOT_TITLE_MAX),
      description: descriptionOf(view, CHATBOT_DESCRIPTION_MAX),
      ...(nextSteps.length > 0 ? { nextSteps } : {}),
      keywords: nonEmpty(
        view.keywords.map((keyword) => mrkdwnText(keyword, 50))
      ),
    },
    metadata: {
      threadId: threadIdFor(finding),
      summary: mrkdwnText(
        `${view.variantLabel ? `${view.variantLabel}: ` : ''}${view.severity} ${finding.title}`,
        250
      ),
      eventType: `finding.${context.variant}`,
      relatedResources: finding.resources
        .slice(0, 10)
        .map((resource) => mrkdwnText(resource.id, 512)),
      additionalContext: {
        findingId: mrkdwnText(finding.id, 512),
        route: mrkdwnText(context.route, 64),
        account: mrkdwnText(finding.accountId, 64),
        region: mrkdwnText(finding.region, 64),
      },
    },
  };
  return { subject: subjectOf(view), body: JSON.stringify(notification) };
};
