/** Small readers for loosely typed provider objects (resource details). */

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const objectAt = (value: unknown, key: string): Json | undefined => {
  const child = isObject(value) ? value[key] : undefined;
  return isObject(child) ? child : undefined;
};

/** A scalar as a short string; arrays of scalars joined with ", ". */
export const textOf = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value)) {
    const parts = value.map(textOf).filter((part) => part !== undefined);
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  return undefined;
};

/** Copies the listed keys of `source` that hold scalars, as strings. */
export const pickText = (
  source: Json | undefined,
  keys: readonly string[]
): Record<string, string> => {
  const picked: Record<string, string> = {};
  if (!source) return picked;
  for (const key of keys) {
    const text = textOf(source[key]);
    if (text !== undefined) picked[key] = text;
  }
  return picked;
};

/**
 * An object type whose members that may be `undefined` become optional and
 * never `undefined`: what `compact` returns.
 */
export type Compacted<T> = {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<
    T[K],
    undefined
  >;
};

/**
 * Drops `undefined` members so optional properties are absent, not
 * undefined. Its type says so, so the result is checked against the type it
 * is given to (no cast).
 */
export const compact = <const T extends object>(value: T): Compacted<T> => {
  // A plain loop: this runs for every object of every finding (hot path).
  const result: Record<string, unknown> = {};
  for (const key in value) {
    if (value[key] !== undefined) result[key] = value[key];
  }
  return result as Compacted<T>;
};

/** Reads `"YES"`/`"NO"` flags. */
export const yesNo = (value: string | undefined): boolean | undefined => {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  if (upper === 'YES') return true;
  if (upper === 'NO') return false;
  return undefined;
};

/** Provider placeholders that mean "no value". */
export const meaningful = (value: string | undefined): string | undefined =>
  value === undefined || /^(NotAvailable|N\/A|None Provided)?$/i.test(value)
    ? undefined
    : value;
