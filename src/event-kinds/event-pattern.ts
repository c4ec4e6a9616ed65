/**
 * An EventBridge event pattern: every leaf is an array of separate values or
 * operators (`["MEDIUM", "HIGH"]`, never `["MEDIUM,HIGH"]`).
 */
export type EventPattern = { readonly [key: string]: PatternValue };
export type PatternValue =
  | readonly (string | number | null | PatternOperator)[]
  | EventPattern
  | readonly EventPattern[];
export type PatternOperator =
  | { readonly prefix: string }
  | { readonly 'anything-but': readonly string[] | string }
  | { readonly exists: boolean }
  | { readonly numeric: readonly (string | number)[] };
