/**
 * Where configuration values were written. Kept apart from the YAML reader
 * (`config-document.ts`) so that validating the JSON the build bundles does
 * not load the YAML parser at cold start.
 */

/** Where a value sits in the configuration file (1-based). */
export type Position = {
  readonly line: number;
  readonly column: number;
  /** The value as written (`012345678901`, before YAML read it as a number). */
  readonly text?: string;
  /** True when a scalar was written in quotes. */
  readonly quoted?: boolean;
};

/**
 * The position of the value at a validation path (or, with `key`, of that
 * key of the mapping there); the nearest enclosing value when the path runs
 * past what was written (a single value a list was made of).
 */
export type Locate = (
  path: readonly PropertyKey[],
  key?: string
) => Position | undefined;

/** No positions: configs that were never text (tests, objects). */
export const NOWHERE: Locate = () => undefined;
