import pMap from 'p-map';
import type { Claimed } from './claim-for.js';
import { createDeliver, type Pending, releaseAll } from './deliver.js';
import { digestIdOf, renderDigest } from './digest-messages.js';
import { report } from './finding-report.js';
import { HELD_SOURCE, type HeldChunk, type HeldItem } from './held-chunk.js';
import type { Delivery, EventReport } from './outcome.js';
import { summarize } from './outcome.js';
import type { PipelineDeps } from './pipeline-deps.js';
import { CLAIM_CONCURRENCY } from './wave.js';

/** A held finding's digest is claimed once a week at most: longer than SQS keeps a message. */
const FLUSH_WINDOW_MS = 7 * 86_400_000;

type Entry = {
  readonly chunk: number;
  readonly item: HeldItem;
  claim?: Claimed;
  delivery?: Delivery;
};

/**
 * Announces held findings whose burst has closed: the chunks of one batch
 * (every chunk of a burst comes back at its close) make one digest per
 * route and kind. Each held finding is claimed again under
 * `<key>@<burst>`, so a chunk SQS delivers twice is announced once; a
 * failed publish releases those claims and fails the chunk's record (SQS
 * delivers it again, then moves it to the dead-letter queue).
 */
export const createFlushHeld = (deps: PipelineDeps) => {
  const deliver = createDeliver(deps);

  const claimEntry = async (entry: Entry, chunk: HeldChunk) => {
    const route = deps.routes?.get(chunk.route);
    const base = {
      route: chunk.route,
      topicArn: route?.topicArn ?? '',
      format: route?.format ?? '',
      variant: entry.item.variant,
    };
    if (!route) {
      entry.delivery = {
        ...base,
        outcome: 'failed',
        reason: `route ${chunk.route} is not in the config any more: the held findings of ${chunk.burst} stay on the queue, then in its dead-letter queue`,
        errorCode: 'UnknownRoute',
        retryable: false,
      };
      return;
    }
    const key = `${entry.item.key}@${chunk.burst}`;
    const result = await deps.dedup.claim({
      key,
      state: {
        severity: entry.item.finding.severity.label,
        lifecycle: 'OPEN',
        fingerprint: 'held',
      },
      now: deps.now(),
      windowMs: FLUSH_WINDOW_MS,
      announceResolutions: false,
    });
    if (result.kind === 'claimed') {
      entry.claim = {
        route,
        key,
        token: result.token,
        variant: entry.item.variant,
      };
    } else if (result.kind === 'duplicate') {
      entry.delivery = {
        ...base,
        outcome: 'duplicate',
        reason: `already in a digest of ${chunk.burst}`,
      };
    } else {
      entry.delivery = {
        ...base,
        outcome: 'failed',
        reason: `${result.reason}; the held chunk will be delivered again`,
        errorCode: 'ClaimBusy',
        retryable: true,
      };
    }
  };

  /** Every claimed entry in one digest per route and kind. */
  const compose = (entries: readonly Entry[]): Pending[] => {
    const groups = new Map<string, Entry[]>();
    for (const entry of entries) {
      if (!entry.claim) continue;
      const name = `${entry.claim.route.name}\n${entry.item.variant}`;
      const list = groups.get(name) ?? [];
      list.push(entry);
      groups.set(name, list);
    }
    const pending: Pending[] = [];
    for (const members of groups.values()) {
      const { route } = (members[0] as Entry).claim as Claimed;
      const id = digestIdOf(
        route.name,
        members.map((entry) => entry.claim?.key ?? '')
      );
      const items = members.map(({ item }) => ({
        finding: item.finding,
        ...(item.previousSeverity
          ? { previousSeverity: item.previousSeverity }
          : {}),
      }));
      const variant = (members[0] as Entry).item.variant;
      for (const { message, digest, members: indices } of renderDigest(
        route,
        variant,
        id,
        items
      )) {
        for (const index of indices) {
          const claim = (members[index] as Entry).claim as Claimed;
          pending.push({ ...claim, message, digest });
        }
      }
    }
    return pending;
  };

  return async (chunks: readonly HeldChunk[]): Promise<EventReport[]> => {
    const entries: Entry[] = chunks.flatMap((chunk, index) =>
      chunk.items.map((item) => ({ chunk: index, item }))
    );
    let pending: Pending[];
    try {
      await pMap(
        entries,
        (entry) => claimEntry(entry, chunks[entry.chunk] as HeldChunk),
        { concurrency: CLAIM_CONCURRENCY, stopOnError: false }
      );
      pending = compose(entries);
    } catch (error) {
      // Nothing may stay claimed when the invocation fails.
      await releaseAll(
        deps,
        entries.flatMap((entry) => (entry.claim ? [entry.claim] : []))
      );
      throw error;
    }
    const delivered = await deliver(pending);
    const byKey = new Map(
      pending.map((claim, index) => [claim.key, delivered[index]])
    );
    for (const entry of entries) {
      if (entry.claim) entry.delivery = byKey.get(entry.claim.key);
    }
    return chunks.map(
      (chunk, index): EventReport => ({
        meta: {
          eventId: chunk.burst,
          source: HELD_SOURCE,
          detailType: 'Held Digest',
        },
        outcome: 'processed',
        findings: entries
          .filter((entry) => entry.chunk === index)
          .map(({ item, delivery }) => {
            const deliveries = delivery ? [delivery] : [];
            const { outcome, reason } = summarize(deliveries);
            return report(item.finding, outcome, reason, deliveries);
          }),
      })
    );
  };
};
