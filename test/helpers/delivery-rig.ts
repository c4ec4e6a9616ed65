import { SNSClient } from '@aws-sdk/client-sns';
import { vi } from 'vitest';
import type { Acknowledger } from '../../src/acknowledge/acknowledger.js';
import type { Config } from '../../src/config/config-schema.js';
import type { DedupStore } from '../../src/dedup/dedup-store.js';
import { createHandler } from '../../src/handler/create-handler.js';
import { buildPipeline } from '../../src/pipeline/build-pipeline.js';
import type { ClaimWait } from '../../src/pipeline/claim-for.js';
import type { Log } from '../../src/pipeline/log.js';
import type { EventReport } from '../../src/pipeline/outcome.js';
import { createSnsPublisher } from '../../src/publish/sns-publisher.js';
import { fakeContext } from './context.js';

export const aLog = () =>
  ({
    debug: vi.fn(),
    info: vi.fn(),
    warn: vi.fn(),
    error: vi.fn(),
  }) satisfies Log;

/** A short real wait for other invocations' claims. */
export const SHORT_WAIT: ClaimWait = {
  maxWaitMs: 2_000,
  firstDelayMs: 10,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** No waiting: a live claim of another invocation fails at once (retryable). */
export const NO_WAIT: ClaimWait = {
  maxWaitMs: 0,
  firstDelayMs: 0,
  sleep: async () => undefined,
};

/**
 * One Lambda execution environment: the handler with its own SNS client
 * (mocked with aws-sdk-client-mock by the caller) and a shared dedup store.
 */
export const anInvocation = (options: {
  config: Config;
  dedup: DedupStore;
  now: () => Date;
  log?: Log;
  acknowledger?: Acknowledger;
  claimWait?: ClaimWait;
}) => {
  const log = options.log ?? aLog();
  const handler = createHandler({
    log,
    pipeline: buildPipeline(options.config, {
      dedup: options.dedup,
      publisher: createSnsPublisher(new SNSClient({ region: 'eu-central-1' })),
      log,
      now: options.now,
      claimWait: options.claimWait ?? SHORT_WAIT,
      ...(options.acknowledger ? { acknowledger: options.acknowledger } : {}),
    }),
  });
  return (event: unknown): Promise<EventReport> =>
    handler(structuredClone(event), fakeContext());
};

/** Every delivery of a report as `route outcome variant`. */
export const deliveriesOf = (report: EventReport): string[] =>
  report.findings.flatMap((finding) =>
    finding.deliveries.map((delivery) =>
      [delivery.route, delivery.outcome, delivery.variant]
        .filter(Boolean)
        .join(' ')
    )
  );
