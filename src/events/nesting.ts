import { formatPath } from './issue-path.js';

/**
 * How deep an event may nest. ASFF's deepest documented resource details
 * nest about a dozen levels; 64 leaves room, and keeps every later
 * `JSON.stringify` (logs, messages) far from the stack limit.
 */
export const MAX_NESTING = 64;

type Node = {
  readonly value: unknown;
  readonly depth: number;
  readonly key?: PropertyKey;
  readonly parent?: Node;
};

const pathOf = (node: Node): PropertyKey[] => {
  const path: PropertyKey[] = [];
  for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent) {
    path.unshift(at.key);
  }
  return path;
};

/**
 * The path of the first value nested deeper than `max` levels, or
 * undefined. Iterative, so a 5,000-level event cannot overflow the stack;
 * a path is built only for the answer.
 */
export const tooDeepAt = (
  value: unknown,
  max = MAX_NESTING,
  prefix = ''
): string | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  // Only objects and arrays are pushed: a leaf cannot be too deep, and most
  // of an event's values are leaves.
  const stack: Node[] = [{ value, depth: 0 }];
  const push = (child: unknown, key: PropertyKey, parent: Node) => {
    if (typeof child === 'object' && child !== null)
      stack.push({ value: child, depth: parent.depth + 1, key, parent });
  };
  for (let node = stack.pop(); node; node = stack.pop()) {
    const parent = node.value as object;
    if (node.depth >= max) return formatPath(prefix, pathOf(node));
    if (Array.isArray(parent)) {
      // An index loop: `map` would skip the holes of a sparse array.
      for (let index = 0; index < parent.length; index += 1)
        push(parent[index], index, node);
    } else {
      for (const key of Object.keys(parent))
        push((parent as Record<string, unknown>)[key], key, node);
    }
  }
  return undefined;
};
