import { sizesFor } from './detail-sizes.js';
import { findingView, subjectOf } from './finding-view.js';
import { fitList } from './fit-lists.js';
import type { Formatter } from './formatter.js';
import { mrkdwnLine } from './line-render.js';
import { mrkdwnText } from './text-safety.js';
import type { FindingView } from './view.js';

/** Block Kit limits (Slack reference, FORMATS.md §5). */
export const SLACK_LIMITS = {
  blocks: 50,
  header: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  buttonText: 75,
  buttonsPerActions: 25,
  url: 3000,
  fallbackText: 3000,
} as const;

type Text = { type: 'mrkdwn' | 'plain_text'; text: string; emoji?: boolean };
type Block = Record<string, unknown> & { type: string };

const mrkdwn = (text: string): Text => ({ type: 'mrkdwn', text });

const section = (text: string): Block => ({
  type: 'section',
  text: mrkdwn(text),
});

const header = (view: FindingView): Block => {
  const prefix = `${view.variantLabel ? `${view.variantLabel}: ` : ''}${view.severity} | `;
  return {
    type: 'header',
    // plain_text is not parsed for mentions or links; it is escaped all the
    // same, so every text object follows one rule (docs/formats.md, Safety).
    text: {
      type: 'plain_text',
      text: `${prefix}${mrkdwnText(view.finding.title, SLACK_LIMITS.header - prefix.length)}`,
      emoji: true,
    },
  };
};

const fields = (view: FindingView): Block => ({
  type: 'section',
  fields: [
    mrkdwn(`*Resource*\n${mrkdwnLine(view.resource, 600)}`),
    // The product is in the context line; keeps the fields within 10.
    ...view.facts
      .filter((fact) => fact.label !== 'Product')
      .map((fact) =>
        mrkdwn(
          `*${mrkdwnText(fact.label, 40)}*\n${mrkdwnLine(fact.value, 400)}`
        )
      ),
  ].slice(0, SLACK_LIMITS.fields),
});

/**
 * A Slack Block Kit message, ready for an incoming webhook or
 * `chat.postMessage`: a `text` fallback (notifications, screen readers),
 * a header, the change for escalations and resolutions, fields, the
 * description, lists, next steps, link buttons and a context line.
 */
export const formatSlack: Formatter = (finding, context) => {
  const view = findingView(finding, context);
  const sizes = sizesFor(context.detail);
  const blocks: Block[] = [header(view)];
  if (view.change) blocks.push(section(`*${mrkdwnText(view.change, 200)}*`));
  blocks.push(fields(view));
  const description = mrkdwnText(finding.description, sizes.description, {
    multiline: true,
  });
  if (description !== '') blocks.push(section(description));
  if (sizes.listItems > 0) {
    for (const list of view.sections) {
      const lines = fitList(list, {
        maxChars: SLACK_LIMITS.sectionText - list.title.length - 4,
        maxItems: sizes.listItems,
        render: mrkdwnLine,
        note: (text) => `_${text}_`,
      });
      blocks.push(section([`*${list.title}*`, ...lines].join('\n')));
    }
  }
  const steps = view.nextSteps.slice(0, sizes.nextSteps);
  if (steps.length > 0) {
    blocks.push(
      section(
        [
          '*Next steps*',
          ...steps.map((step) => `• ${mrkdwnText(step, 700)}`),
        ].join('\n')
      )
    );
  }
  if (view.links.length > 0) {
    blocks.push({
      type: 'actions',
      elements: view.links.map((link, index) => ({
        type: 'button',
        action_id: `open-${index}`,
        text: { type: 'plain_text', text: link.text, emoji: false },
        url: link.url,
      })),
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      mrkdwn(
        `${mrkdwnText(finding.product, 60)} · ${mrkdwnText(context.route, 64)}`
      ),
      mrkdwn(`Updated ${mrkdwnText(finding.updatedAt, 40)}`),
      mrkdwn(`Finding \`${mrkdwnText(finding.id, 512).replace(/`/g, "'")}\``),
    ],
  });
  const fallback = mrkdwnText(
    `${view.variantLabel ? `${view.variantLabel}: ` : ''}${view.severity} ${finding.title} on ${view.resource.map((segment) => segment.text).join('')}`,
    SLACK_LIMITS.fallbackText
  );
  return {
    subject: subjectOf(view),
    body: JSON.stringify({
      text: fallback,
      blocks: blocks.slice(0, SLACK_LIMITS.blocks),
    }),
  };
};
