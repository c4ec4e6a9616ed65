import type { Config } from '../config/config-schema.js';
import { kindsOf } from '../filters/default-kind.js';
import type { Finding } from '../findings/finding.js';
import { type ItemKind, itemKind } from '../findings/notice.js';

/** The item kinds some route of the config asks for. */
export const servedKinds = (config: Config): ReadonlySet<ItemKind> =>
  new Set(
    config.routes.flatMap((route) =>
      route.match ? route.match.flatMap(kindsOf) : kindsOf(undefined)
    )
  );

/**
 * Why an event's items are ignored: none of them is of a kind any route
 * asks for (coverage, scan summaries and custom actions reach only routes
 * that name them). `undefined` when some item is served.
 */
export const unservedReason = (
  findings: readonly Finding[],
  served: ReadonlySet<ItemKind>
): string | undefined => {
  const kinds = [...new Set(findings.map(itemKind))];
  if (kinds.some((kind) => served.has(kind))) return undefined;
  return `no route asks for ${kinds.join(', ')} (list kind: ${kinds[0]} in a route's match to announce them)`;
};
