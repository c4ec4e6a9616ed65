import type { Config, Route } from '../config/config-schema.js';
import type { Finding } from '../findings/finding.js';
import { FORMATTERS } from '../formatters/formatter-by-format.js';
import { routeMessage } from '../pipeline/route-message.js';
import type { OutgoingMessage } from '../publish/publisher.js';
import { createRouter } from '../routing/router.js';

/** A sample finding, and the file it came from. */
export type SampleFinding = {
  readonly file: string;
  readonly finding: Finding;
};

export type SampleMessage = {
  readonly message: OutgoingMessage;
  readonly sample: SampleFinding;
  /** False when no sample reaches the route and the first one is sent anyway. */
  readonly reachesRoute: boolean;
};

/**
 * The message `route` would publish for a sample finding, rendered by the
 * pipeline's own code (`routeMessage`, the route's format, SNS attributes):
 * the first sample the config routes to it, else the first sample.
 */
export const sampleMessage = (
  config: Config,
  route: Route,
  samples: readonly SampleFinding[],
  now: Date
): SampleMessage | undefined => {
  const router = createRouter(config);
  const reaching = samples.find(({ finding }) => {
    const result = router(finding, now);
    return (
      result.kind === 'routed' &&
      result.routes.some((target) => target.name === route.name)
    );
  });
  const sample = reaching ?? samples[0];
  if (!sample) return undefined;
  const target = {
    name: route.name,
    topicArn: route.topicArn,
    format: route.format,
    perProtocol: route.perProtocol,
    dedupWindowMs: 0,
    announceResolutions: route.announceResolutions,
    acknowledge: route.acknowledge,
  };
  return {
    message: routeMessage(
      target,
      sample.finding,
      { route: route.name, variant: 'new' },
      FORMATTERS
    ),
    sample,
    reachesRoute: reaching !== undefined,
  };
};
