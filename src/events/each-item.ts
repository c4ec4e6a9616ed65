import type { EventOutput, EventSchemaName } from './event-schemas.js';
import { describeIssues, formatPath } from './issue-path.js';
import { safeParse } from './safe-parse.js';

/** One item of a list that failed its schema, kept whole. */
export type RejectedItem = {
  /** Where it is in the event, e.g. `detail.findings[42]`. */
  readonly path: string;
  /** Every issue, each naming its field path. */
  readonly reason: string;
  /** The item's own id, when it has a string one (ASFF `Id`). */
  readonly id?: string;
};

/**
 * Validates each item of a list on its own: the valid ones go on, each bad
 * one is reported with its path and reasons. For event kinds that carry
 * several findings (ASFF `detail.findings`, OCSF lists), so one bad finding
 * never drops the others.
 */
export const parseEach = <K extends EventSchemaName>(
  items: readonly unknown[],
  schema: K,
  prefix: string,
  idKey?: string
): { readonly valid: EventOutput<K>[]; readonly rejected: RejectedItem[] } => {
  const valid: EventOutput<K>[] = [];
  const rejected: RejectedItem[] = [];
  items.forEach((item, index) => {
    const parsed = safeParse(schema, item);
    if (parsed.success) {
      valid.push(parsed.data);
      return;
    }
    const path = formatPath(prefix, [index]);
    const id =
      idKey && typeof item === 'object' && item !== null
        ? (item as Record<string, unknown>)[idKey]
        : undefined;
    rejected.push({
      path,
      reason: describeIssues(path, parsed.error),
      ...(typeof id === 'string' ? { id } : {}),
    });
  });
  return { valid, rejected };
};
