import type { DetailLevel } from './formatter.js';

/** Sizes a formatter works with, per detail level. */
export type Sizes = {
  /** Characters of the finding's description. */
  readonly description: number;
  /** Items shown per list (packages, path steps, standards). */
  readonly listItems: number;
  /** Characters per list, note included. */
  readonly listChars: number;
  readonly nextSteps: number;
};

const SIZES = {
  full: { description: 1500, listItems: 15, listChars: 1500, nextSteps: 4 },
  compact: { description: 500, listItems: 5, listChars: 600, nextSteps: 2 },
  minimal: { description: 200, listItems: 0, listChars: 0, nextSteps: 1 },
} as const satisfies Record<DetailLevel, Sizes>;

export const sizesFor = (detail: DetailLevel | undefined): Sizes =>
  SIZES[detail ?? 'full'];
