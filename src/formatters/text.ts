import { sizesFor } from './detail-sizes.js';
import { findingView, subjectOf } from './finding-view.js';
import { fitList } from './fit-lists.js';
import type { Formatter } from './formatter.js';
import { plainLine } from './line-render.js';
import { plainText } from './text-safety.js';

/**
 * A plain-text body for e-mail subscribers and an SNS subject. Finding text
 * is cleaned of control and invisible characters; nothing is escaped, as
 * plain text has no markup. Links are written out in full.
 */
export const formatText: Formatter = (finding, context) => {
  const view = findingView(finding, context);
  const sizes = sizesFor(context.detail);
  const lines = [
    `${view.variantLabel ? `${view.variantLabel}: ` : ''}${view.severity} | ${plainText(finding.title, 300)}`,
    ...(view.change ? [plainText(view.change, 200)] : []),
    '',
    `Resource: ${plainLine(view.resource, 800)}`,
    ...view.facts.map(
      (fact) => `${plainText(fact.label, 40)}: ${plainLine(fact.value, 600)}`
    ),
  ];
  const description = plainText(finding.description, sizes.description * 2, {
    multiline: true,
  });
  if (description !== '') lines.push('', description);
  if (sizes.listItems > 0) {
    for (const section of view.sections) {
      lines.push(
        '',
        `${section.title}:`,
        ...fitList(
          section,
          {
            maxChars: sizes.listChars * 2,
            maxItems: sizes.listItems * 2,
            render: plainLine,
          },
          '- '
        )
      );
    }
  }
  const steps = view.nextSteps.slice(0, sizes.nextSteps);
  if (steps.length > 0) {
    lines.push(
      '',
      'Next steps:',
      ...steps.map((step) => `- ${plainText(step, 1000, { multiline: true })}`)
    );
  }
  if (view.links.length > 0) {
    lines.push('', ...view.links.map((link) => `${link.text}: ${link.url}`));
  }
  lines.push(
    '',
    `Finding: ${plainText(finding.id, 512)}`,
    `Updated: ${plainText(finding.updatedAt, 40)} - route ${plainText(context.route, 64)}`
  );
  return { subject: subjectOf(view), body: lines.join('\n') };
};
