import type { SeverityLabel } from '../events/severity.js';

/** What a digest can hold: every announcement kind. */
export const DIGEST_VARIANTS = [
  'new',
  'escalated',
  'resolved',
  'reminder',
] as const;

/** An announcement kind a digest can hold (a shared finding always goes alone). */
export type DigestVariant = (typeof DIGEST_VARIANTS)[number];

/** A route's digest settings, as `DigestSchema` gives them (it is checked against this). */
export type DigestSettings = {
  enabled: boolean;
  above: number;
  aloneFrom: SeverityLabel;
  aloneMax: number;
  nameFrom: SeverityLabel;
  holdSeconds: number;
  variants: DigestVariant[];
};

/**
 * The settings of a route that says nothing about digests: the defaults of
 * `DigestSchema` (a test keeps them equal), written out so the function's
 * path needs no zod.
 */
export const DIGEST_DEFAULTS: DigestSettings = Object.freeze({
  enabled: true,
  above: 5,
  aloneFrom: 'CRITICAL',
  aloneMax: 1,
  nameFrom: 'HIGH',
  holdSeconds: 300,
  variants: [...DIGEST_VARIANTS],
});
