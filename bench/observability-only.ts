import type { Config } from '../src/config/config-schema.js';
import type { EventReport } from '../src/pipeline/outcome.js';
import type { Pipeline } from '../src/pipeline/pipeline.js';

const TITLE = 'CVE-2024-37021 - linux';

/** The report of an event whose one finding was published on every route. */
const publishedEverywhere = (
  event: unknown,
  routes: Config['routes']
): EventReport => {
  const { id } = event as { id?: string };
  const findingId = `arn:aws:inspector2:us-east-1:123456789012:finding/${id ?? 'unknown'}`;
  return {
    meta: { eventId: id ?? 'unknown', source: 'aws.inspector2' },
    outcome: 'processed',
    findings: [
      {
        findingId,
        product: 'Inspector',
        type: 'PACKAGE_VULNERABILITY',
        title: TITLE,
        resource: 'arn:aws:lambda:us-east-1:123456789012:function:bench',
        severity: { label: 'HIGH', labelSource: 'score', score: 7.5 },
        lifecycle: 'OPEN',
        outcome: 'published',
        reason: 'published',
        deliveries: routes.map((route, index) => ({
          route: route.name,
          topicArn: route.topicArn,
          format: route.format,
          outcome: 'published' as const,
          messageId: `m-${id}-${index}`,
        })),
      },
    ],
  };
};

/**
 * A pipeline that does no work: every event's one finding is reported
 * published on every route. Put in the deployed handler's assembly in place
 * of the real pipeline, what is left is what the function's libraries cost
 * per finding (middy, Powertools Logger writing each decision line,
 * Powertools Metrics flushing each route's counts): a floor under the
 * deployed handler's figures that no work in the pipeline can go below.
 */
export const observabilityOnlyPipeline = (config: Config): Pipeline => ({
  run: async (event) => publishedEverywhere(event, config.routes),
  runBatch: async (events) =>
    events.map((event) => publishedEverywhere(event, config.routes)),
});
