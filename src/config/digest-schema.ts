import * as z from 'zod';
import { SEVERITY_LABELS } from '../events/severity.js';
import { DIGEST_VARIANTS, type DigestSettings } from './digest-settings.js';

/**
 * How a route behaves when one SQS batch (buffered mode) would make it send
 * many messages. Every key has a default, so a route without `digest`
 * digests bursts; `enabled: false` sends every finding alone.
 */
export const DigestSchema = z.strictObject({
  /** @default true */
  enabled: z.boolean().default(true),
  /**
   * The route digests a batch in which it would send more than this many
   * messages; at or below it every finding goes alone, unchanged.
   * @default 5
   */
  above: z
    .number()
    .int()
    .min(0, 'a number of messages from 0 (digest from 2 messages on) to 1000')
    .max(
      1_000,
      'a number of messages from 0 to 1000: set enabled: false to never digest'
    )
    .default(5),
  /** Findings at or above this severity still go alone (up to `aloneMax`). @default CRITICAL */
  aloneFrom: z.enum(SEVERITY_LABELS).default('CRITICAL'),
  /** At most this many findings go alone per burst (per batch with `holdSeconds: 0`); the rest are digested. @default 1 */
  aloneMax: z
    .number()
    .int()
    .min(0, 'a number of findings from 0 (none alone) to 100')
    .max(100, 'a number of findings from 0 to 100 per batch')
    .default(1),
  /** A digest names each finding at or above this severity, with its resource. @default HIGH */
  nameFrom: z.enum(SEVERITY_LABELS).default('HIGH'),
  /**
   * Buffered mode: once the route digests a batch, a burst is open for this
   * long. What it digests meanwhile (that batch's and later ones') waits on
   * the queue and goes out as one digest when the burst closes, and at most
   * `aloneMax` findings go alone in the whole burst. 0: every batch sends
   * its own digest and `aloneMax` counts per batch. At most 900 (the
   * longest SQS delay). Direct mode digests per invocation whatever this is.
   * @default 300
   */
  holdSeconds: z
    .number()
    .int()
    .min(0, 'a number of seconds from 0 (a digest per batch) to 900')
    .max(900, 'a number of seconds up to 900, the longest SQS message delay')
    .default(300),
  /** Announcement kinds that may be digested; others always go alone. @default all */
  variants: z
    .array(z.enum(DIGEST_VARIANTS))
    .min(1, 'list at least one kind, or set enabled: false')
    .default([...DIGEST_VARIANTS]),
}) satisfies z.ZodType<DigestSettings>;
