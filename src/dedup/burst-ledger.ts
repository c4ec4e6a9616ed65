/** What a batch asks of its route's burst. */
export type BurstRequest = {
  readonly route: string;
  readonly now: Date;
  /** This batch alone would make the route digest: open a burst if none is. */
  readonly open: boolean;
  /** How long a burst opened now stays open. */
  readonly holdMs: number;
  /** Findings that may go alone in one burst. */
  readonly aloneMax: number;
  /** Urgent findings this batch would send alone. */
  readonly aloneWanted: number;
};

/** An open burst: when its digest goes out, and how many of this batch's urgent findings may go alone. */
export type Burst = {
  /** Epoch ms at which the burst closes and its held findings are digested. */
  readonly flushAt: number;
  readonly aloneGranted: number;
};

/** A route's burst as stored: when it closes and how many findings went alone in it. */
export type BurstRecord = { readonly flushAt: number; readonly alone: number };

/**
 * The next state of a route's burst, or undefined when the route is quiet:
 * an open burst (`flushAt` after now) grants what is left of `aloneMax`; a
 * batch that would digest opens one. Pure: both ledgers decide with it.
 */
export const planBurst = (
  current: BurstRecord | undefined,
  request: BurstRequest
): { record: BurstRecord; burst: Burst } | undefined => {
  const at = request.now.getTime();
  const open = current && current.flushAt > at ? current : undefined;
  if (!open && !request.open) return undefined;
  const base = open ?? { flushAt: at + request.holdMs, alone: 0 };
  const aloneGranted = Math.max(
    0,
    Math.min(request.aloneWanted, request.aloneMax - base.alone)
  );
  return {
    record: { flushAt: base.flushAt, alone: base.alone + aloneGranted },
    burst: { flushAt: base.flushAt, aloneGranted },
  };
};

/**
 * Remembers, per route, the burst it is in: buffered mode holds what a
 * route digests until its burst closes, so a burst of many batches makes
 * one digest. `enter` is atomic per route (concurrent batches of the same
 * route agree on one burst and never grant more than `aloneMax` alone).
 */
export interface BurstLedger {
  enter(request: BurstRequest): Promise<Burst | undefined>;
}

/** The ledger for replay, the bench and tests: one process, no persistence. */
export const createMemoryBurstLedger = (): BurstLedger => {
  const records = new Map<string, BurstRecord>();
  return {
    enter: async (request) => {
      const next = planBurst(records.get(request.route), request);
      if (next) records.set(request.route, next.record);
      return next?.burst;
    },
  };
};
