import type { DigestVariant } from '../config/digest-settings.js';
import type { FindingSeverityLabel } from '../events/severity.js';
import type { DigestFinding } from '../findings/digest-finding.js';

/** The `source` of a held chunk on the queue: no EventBridge event has it. */
export const HELD_SOURCE = 'findings-notifier.held-digest';

/** One finding held for its route's burst digest, with what announcing it needs. */
export type HeldItem = {
  /** The finding's dedup key on the route (confirmed when it was held). */
  readonly key: string;
  readonly variant: DigestVariant;
  readonly previousSeverity?: FindingSeverityLabel;
  readonly finding: DigestFinding;
};

/**
 * Findings of one route's burst, sent to the queue with a delay so they
 * come back when the burst closes: the digest is made from every chunk of
 * the burst that arrives together.
 */
export type HeldChunk = {
  readonly source: typeof HELD_SOURCE;
  readonly route: string;
  /** The burst: `<route>@<close time>`. */
  readonly burst: string;
  readonly flushAt: string;
  readonly items: readonly HeldItem[];
};

/** SQS takes 256 KiB a message; a chunk stays well under it. */
export const CHUNK_BYTES = 200_000;

/** The held items of one route's burst as chunk bodies of at most `CHUNK_BYTES` each, in order. */
export const heldChunks = (
  route: string,
  flushAt: number,
  items: readonly HeldItem[]
): { body: string; items: number }[] => {
  const head = {
    source: HELD_SOURCE,
    route,
    burst: burstId(route, flushAt),
    flushAt: new Date(flushAt).toISOString(),
  };
  const overhead = Buffer.byteLength(JSON.stringify({ ...head, items: [] }));
  const bodies: { body: string; items: number }[] = [];
  let part: string[] = [];
  let bytes = overhead;
  const close = () => {
    if (part.length === 0) return;
    const text = JSON.stringify({ ...head, items: [] });
    bodies.push({
      body: `${text.slice(0, -2)}${part.join(',')}]}`,
      items: part.length,
    });
    part = [];
    bytes = overhead;
  };
  for (const item of items) {
    const text = JSON.stringify(item);
    const size = Buffer.byteLength(text) + 1;
    if (bytes + size > CHUNK_BYTES) close();
    part.push(text);
    bytes += size;
  }
  close();
  return bodies;
};

/** A burst's id: the route and when the burst closes. */
export const burstId = (route: string, flushAt: number): string =>
  `${route}@${new Date(flushAt).toISOString()}`;

/** Whether an event off the queue is a held chunk (it may still be malformed). */
export const isHeldChunk = (raw: unknown): boolean =>
  (raw as { source?: unknown } | null)?.source === HELD_SOURCE;
