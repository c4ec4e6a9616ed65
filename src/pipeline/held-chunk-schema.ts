import * as z from 'zod';
import { DIGEST_VARIANTS } from '../config/digest-settings.js';
import type { FindingSeverityLabel } from '../events/severity.js';
import { severityRank } from '../events/severity.js';
import { FINDING_TYPES } from '../findings/vocabulary.js';
import { HELD_SOURCE, type HeldChunk } from './held-chunk.js';

// Loaded by the pipeline only when a batch holds a held chunk (buffered
// mode, a burst closing): zod stays off the function's cold path.

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
