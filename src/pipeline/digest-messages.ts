import { createHash } from 'node:crypto';
import { DIGEST_DEFAULTS } from '../config/digest-settings.js';
import type { DigestInput, DigestItem } from '../formatters/digest-view.js';
import { digestAttributes } from '../formatters/message-attributes.js';
import { renderDigestForRoute } from '../formatters/render-digest-route.js';
import type { OutgoingMessage } from '../publish/publisher.js';
import type { RouteTarget } from '../routing/router.js';
import type { DigestRef } from './outcome.js';

/** A digest's id: the same members make the same id (replays and logs agree). */
export const digestIdOf = (route: string, keys: readonly string[]): string =>
  createHash('sha256')
    .update(route)
    .update(keys.join('\n'))
    .digest('hex')
    .slice(0, 16);

/** One digest's messages (split to fit its format), each with the members it counts. */
export const renderDigest = (
  route: RouteTarget,
  variant: DigestInput['variant'],
  id: string,
  items: DigestInput['items']
): {
  message: OutgoingMessage;
  digest: DigestRef;
  members: readonly number[];
}[] => {
  const input: DigestInput = {
    id,
    route: route.name,
    variant,
    nameFrom: (route.digest ?? DIGEST_DEFAULTS).nameFrom,
    items,
  };
  const findings = items.map((item) => item.finding);
  const parts = renderDigestForRoute(
    route,
    input,
    digestAttributes(findings, route.name)
  );
  return parts.map(({ message, members, part, parts: count }) => ({
    message: {
      route: route.name,
      findingId: `digest:${id}/${part}`,
      topicArn: route.topicArn,
      subject: message.subject,
      body: message.body,
      ...(message.structure ? { structure: message.structure } : {}),
      attributes: digestAttributes(
        members.map((index) => (items[index] as DigestItem).finding),
        route.name
      ),
    },
    digest: { id, part, parts: count, findings: members.length },
    members,
  }));
};
