import type { Log } from '../pipeline/log.js';
import type { Decision } from './decision.js';

const MESSAGES: Record<Decision['outcome'], string> = {
  published: 'finding published',
  held: 'finding held for its burst digest',
  duplicate: 'finding duplicate',
  filtered: 'finding filtered',
  suppressed: 'finding suppressed',
  ignored: 'event ignored',
  rejected: 'event rejected',
  failed: 'delivery failed',
};

/**
 * Writes one structured line per decision with `eventId`, `findingId`, `route`
 * and `outcome` (a key is left out only where it cannot apply: no route for a
 * filtered finding, no finding for an ignored event). The title is the only
 * finding text at INFO.
 * Rejected events and failed deliveries are errors; `extra` carries what only
 * an error line holds (the rejected event itself).
 */
export const logDecision = (
  log: Log,
  decision: Decision,
  extra: Record<string, unknown> = {}
): void => {
  // Identity first, so lines read alike; absent keys vanish from the JSON.
  const { eventId, findingId, route, outcome, ...details } = decision;
  const attributes = {
    eventId,
    findingId,
    route,
    outcome,
    ...details,
    ...extra,
  };
  const message =
    decision.outcome === 'failed' && decision.retryable === false
      ? 'permanent delivery failure, not retryable'
      : decision.outcome === 'rejected' && decision.path !== undefined
        ? 'finding rejected'
        : MESSAGES[decision.outcome];
  if (decision.outcome === 'rejected' || decision.outcome === 'failed')
    log.error(message, attributes);
  else log.info(message, attributes);
};
