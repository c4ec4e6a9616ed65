import type { Acknowledger } from '../acknowledge/acknowledger.js';
import type { Config } from '../config/config-schema.js';
import type { BurstLedger } from '../dedup/burst-ledger.js';
import type { DedupStore } from '../dedup/dedup-store.js';
import type { EventKind } from '../event-kinds/event-kind.js';
import { FORMATTERS } from '../formatters/formatter-by-format.js';
import type { Publisher } from '../publish/publisher.js';
import { createRouter, routeTargets } from '../routing/router.js';
import { servedKinds } from '../routing/served-kinds.js';
import type { ClaimWait } from './claim-for.js';
import type { Log } from './log.js';
import { createPipeline } from './pipeline.js';

export type PipelinePorts = {
  readonly dedup: DedupStore;
  readonly publisher: Publisher;
  /** Operational lines (acknowledge and dedup store trouble); decisions are logged by the handler. */
  readonly log: Log;
  readonly now?: () => Date;
  /** Needed only when a route sets `acknowledge`. */
  readonly acknowledger?: Acknowledger;
  readonly claimWait?: ClaimWait;
  /** Buffered mode: each route's burst (with `holder`, held digests span batches). */
  readonly bursts?: BurstLedger;
  /** Buffered mode: sends held findings to the queue the batch came from. */
  readonly holder?: Publisher;
  /** The buffer queue's clock (replay simulates it from event times). @default now */
  readonly queueNow?: () => Date;
  /** The event kinds to read; the registry's unless a test adds one. */
  readonly kinds?: readonly EventKind[];
};

/** The pipeline for a validated config: the same assembly in Lambda and replay. */
export const buildPipeline = (config: Config, ports: PipelinePorts) =>
  createPipeline({
    router: createRouter(config),
    routes: routeTargets(config),
    servedKinds: servedKinds(config),
    formatters: FORMATTERS,
    dedup: ports.dedup,
    publisher: ports.publisher,
    log: ports.log,
    now: ports.now ?? (() => new Date()),
    ...(ports.acknowledger ? { acknowledger: ports.acknowledger } : {}),
    ...(ports.claimWait ? { claimWait: ports.claimWait } : {}),
    ...(ports.kinds ? { kinds: ports.kinds } : {}),
    ...(ports.bursts ? { bursts: ports.bursts } : {}),
    ...(ports.holder ? { holder: ports.holder } : {}),
    ...(ports.queueNow ? { queueNow: ports.queueNow } : {}),
  });
