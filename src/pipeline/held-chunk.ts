import * as z from 'zod';
import {
  DIGEST_VARIANTS,
  type DigestVariant,
} from '../config/digest-schema.js';
import type { FindingSeverityLabel } from '../events/severity.js';
import { severityRank } from '../events/severity.js';
import type { DigestFinding } from '../findings/digest-finding.js';
import { FINDING_TYPES } from '../findings/vocabulary.js';

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

const LABELS = Object.keys(severityRank) as [
  FindingSeverityLabel,
  ...FindingSeverityLabel[],
];

const DigestFindingSchema = z.object({
  id: z.string(),
  product: z.string(),
  company: z.string(),
  type: z.enum(FINDING_TYPES),
  title: z.string(),
  accountId: z.string(),
  region: z.string(),
  severity: z.object({
    label: z.enum(LABELS),
    labelSource: z.enum(['score', 'provider-label', 'notice']),
    score: z.number().optional(),
    scoreSource: z
      .enum([
        'inspectorScore',
        'cvss-v3',
        'cvss-v2',
        'asff-normalized',
        'asff-original',
      ])
      .optional(),
    providerLabel: z.string().optional(),
  }),
  status: z.object({ lifecycle: z.enum(['OPEN', 'SUPPRESSED', 'RESOLVED']) }),
  resources: z.array(z.object({ id: z.string(), name: z.string().optional() })),
  vulnerability: z.object({ ids: z.array(z.string()) }).optional(),
  compliance: z.object({ controlId: z.string().optional() }).optional(),
  code: z
    .object({
      detectorId: z.string().optional(),
      ruleId: z.string().optional(),
    })
    .optional(),
});

const HeldChunkSchema = z.object({
  source: z.literal(HELD_SOURCE),
  route: z.string().min(1),
  burst: z.string().min(1),
  flushAt: z.iso.datetime(),
  items: z
    .array(
      z.object({
        key: z.string().min(1),
        variant: z.enum(DIGEST_VARIANTS),
        previousSeverity: z.enum(LABELS).optional(),
        finding: DigestFindingSchema,
      })
    )
    .min(1),
});

/** Whether an event off the queue is a held chunk (it may still be malformed). */
export const isHeldChunk = (raw: unknown): boolean =>
  (raw as { source?: unknown } | null)?.source === HELD_SOURCE;

/** A held chunk, or what is wrong with it (path and reason). */
export const parseHeldChunk = (
  raw: unknown
): { chunk: HeldChunk } | { error: string } => {
  const parsed = HeldChunkSchema.safeParse(raw);
  if (parsed.success) return { chunk: parsed.data as HeldChunk };
  const issue = parsed.error.issues[0];
  return {
    error: `held digest chunk: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
  };
};
