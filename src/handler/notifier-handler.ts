import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Acknowledger } from '../acknowledge/acknowledger.js';
import type { Config } from '../config/config-schema.js';
import type { BurstLedger } from '../dedup/burst-ledger.js';
import { DEFAULT_LEASE_MS, type DedupStore } from '../dedup/dedup-store.js';
import { createDecisionMetrics } from '../observability/decision-metrics.js';
import { powertoolsEmitter } from '../observability/powertools-emitter.js';
import { buildPipeline } from '../pipeline/build-pipeline.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { Publisher } from '../publish/publisher.js';
import { createHandler, type NotifierHandler } from './create-handler.js';

const SERVICE = 'findings-notifier';

/** The deployed function's Powertools Logger and Metrics. */
export const createObservability = (logLevel: Config['logLevel']) => {
  const logger = new Logger({ serviceName: SERVICE });
  logger.setLogLevel(logLevel);
  const metrics = new Metrics({
    namespace: 'FindingsNotifier',
    serviceName: SERVICE,
  });
  return { logger, metrics };
};

export type NotifierWiring = {
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly dedup: DedupStore;
  readonly publisher: Publisher;
  readonly acknowledger?: Acknowledger;
  /** Buffered mode: each route's burst, and the sender of held findings to the queue. */
  readonly bursts?: BurstLedger;
  readonly holder?: Publisher;
  /** The dedup store's claim lease (DEDUP_LEASE_SECONDS when deployed). @default DEFAULT_LEASE_MS */
  readonly leaseMs?: number;
};

/**
 * A pipeline in the deployed handler's observability: middy, Powertools
 * Logger with the Lambda context, decision metrics, the dedup lease check.
 * `createNotifierHandler` gives it the real pipeline; the benchmark also
 * gives it one that does no work, to measure what this part costs alone.
 */
export const observedHandler = ({
  logger,
  metrics,
  pipeline,
  leaseMs = DEFAULT_LEASE_MS,
}: {
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly pipeline: Pipeline;
  readonly leaseMs?: number;
}) =>
  createHandler({
    log: logger,
    metrics: createDecisionMetrics(powertoolsEmitter(metrics)),
    dedupLeaseMs: leaseMs,
    pipeline,
  }).use(injectLambdaContext(logger)) as NotifierHandler;

/**
 * The deployed handler's assembly: `functions/notify-findings.ts` gives it
 * the AWS clients, the benchmark in-memory ones, so what is measured is what
 * is deployed.
 */
export const createNotifierHandler = ({
  config,
  logger,
  metrics,
  dedup,
  publisher,
  acknowledger,
  bursts,
  holder,
  leaseMs = DEFAULT_LEASE_MS,
}: NotifierWiring) =>
  observedHandler({
    logger,
    metrics,
    leaseMs,
    pipeline: buildPipeline(config, {
      dedup,
      publisher,
      ...(acknowledger ? { acknowledger } : {}),
      ...(bursts ? { bursts } : {}),
      ...(holder ? { holder } : {}),
      log: logger,
    }),
  });
