import { formatPath } from '../events/issue-path.js';
import type { Locate } from './locate.js';

const LISTS = { routes: 'route', suppressions: 'suppression' } as const;

/** The name an entry of `routes` or `suppressions` was given, if any. */
const nameAt = (document: unknown, list: string, index: number) => {
  const items = (document as Record<string, unknown> | null)?.[list];
  const item = Array.isArray(items) ? items[index] : undefined;
  const name = (item as { name?: unknown } | null | undefined)?.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
};

/**
 * Where a problem is, for people: the route or suppression by name, the
 * rest of the path inside it, and the line and column in the file, e.g.
 * `route "critical", match[0].type[0] (line 14, column 18)`.
 */
export const describeLocation = (
  document: unknown,
  locate: Locate,
  path: readonly PropertyKey[],
  key?: string
): string => {
  const [list, index, ...rest] = path;
  const full = key === undefined ? path : [...path, key];
  let owner: string | undefined;
  let inner: readonly PropertyKey[] = full;
  if (
    typeof list === 'string' &&
    Object.hasOwn(LISTS, list) &&
    typeof index === 'number'
  ) {
    const name = nameAt(document, list, index);
    if (name !== undefined) {
      owner = `${LISTS[list as keyof typeof LISTS]} "${name}"`;
      inner = key === undefined ? rest : [...rest, key];
    }
  }
  const text = [owner, formatPath('', inner) || undefined]
    .filter(Boolean)
    .join(', ');
  const at = locate(path, key);
  const position = at ? ` (line ${at.line}, column ${at.column})` : '';
  return `${text || '(root)'}${position}`;
};
