/** What zod keeps of a check (`.min(1)`, `.int()`, `.refine(fn)`) in its def. */
export type CheckDef = {
  readonly check: string;
  readonly minimum?: number;
  readonly format?: string;
  readonly value?: unknown;
  readonly inclusive?: boolean;
  readonly fn?: (value: unknown) => unknown;
};

/** A check of the value a type parse produced (zod runs them after it). */
export const refinement = (def: CheckDef): ((value: unknown) => boolean) => {
  const { minimum = 0, value: bound, inclusive, fn } = def;
  switch (def.check) {
    case 'min_length':
      // zod counts code points only between `minimum` and twice it, where
      // a string of 0 or 1 minimum cannot differ.
      if (minimum > 1) break;
      return (value) => (value as { length: number }).length >= minimum;
    case 'number_format':
      if (def.format !== 'safeint') break;
      return (value) => Number.isSafeInteger(value);
    case 'greater_than':
      if (typeof bound !== 'number') break;
      return inclusive
        ? (value) => (value as number) >= bound
        : (value) => (value as number) > bound;
    case 'custom':
      if (!fn) break;
      return (value) => Boolean(fn(value));
  }
  throw new Error(`compiled check: unsupported zod check "${def.check}"`);
};
