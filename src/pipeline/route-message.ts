import type { Finding } from '../findings/finding.js';
import type { Formatter, RenderContext } from '../formatters/formatter.js';
import { messageAttributes } from '../formatters/message-attributes.js';
import { renderForRoute } from '../formatters/render-route.js';
import type { OutgoingMessage } from '../publish/publisher.js';
import type { RouteTarget } from '../routing/router.js';

/** The message one route publishes for a finding (or a grouped notice). */
export const routeMessage = (
  route: RouteTarget,
  finding: Finding,
  context: RenderContext,
  formatters: Readonly<Record<string, Formatter>>
): OutgoingMessage => {
  const attributes = messageAttributes(finding, route.name);
  const rendered = renderForRoute(
    route,
    finding,
    context,
    formatters,
    attributes
  );
  return {
    route: route.name,
    findingId: finding.id,
    topicArn: route.topicArn,
    subject: rendered.subject,
    body: rendered.body,
    ...(rendered.structure ? { structure: rendered.structure } : {}),
    attributes,
  };
};
