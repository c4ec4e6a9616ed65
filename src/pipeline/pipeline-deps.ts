import type { Acknowledger } from '../acknowledge/acknowledger.js';
import type { BurstLedger } from '../dedup/burst-ledger.js';
import type { DedupStore } from '../dedup/dedup-store.js';
import type { EventKind } from '../event-kinds/event-kind.js';
import type { ItemKind } from '../findings/notice.js';
import type { Formatter } from '../formatters/formatter.js';
import type { Publisher } from '../publish/publisher.js';
import type { Router, RouteTarget } from '../routing/router.js';
import type { ClaimWait } from './claim-for.js';
import type { Log } from './log.js';

/** What the pipeline is built from: the router, the store, the publisher, the formats. */
export type PipelineDeps = {
  readonly router: Router;
  /** Each route's target by name (held digests name their route). */
  readonly routes?: ReadonlyMap<string, RouteTarget>;
  readonly dedup: DedupStore;
  readonly publisher: Publisher;
  readonly formatters: Readonly<Record<string, Formatter>>;
  readonly now: () => Date;
  readonly log: Log;
  /** Sets announced Security Hub findings to NOTIFIED on routes that ask. */
  readonly acknowledger?: Acknowledger;
  /** Waiting for another invocation's live claim. */
  readonly claimWait?: ClaimWait;
  /** Item kinds some route asks for; events of no such kind are ignored. @default all */
  readonly servedKinds?: ReadonlySet<ItemKind>;
  /** Buffered mode: each route's burst, so a burst of batches makes one digest. */
  readonly bursts?: BurstLedger;
  /** Buffered mode: sends held findings back to the queue, delayed to their burst's close. */
  readonly holder?: Publisher;
  /** The buffer queue's clock, for bursts and held delays: simulated in replay. @default now */
  readonly queueNow?: () => Date;
  /** The event kinds read: the registry's by default. */
  readonly kinds?: readonly EventKind[];
};
