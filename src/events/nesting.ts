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
  const stack: Node[] = [{ value, depth: 0 }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const { value: parent, depth } = node;
    if (typeof parent !== 'object' || parent === null) continue;
    if (depth >= max) return formatPath(prefix, pathOf(node));
    if (Array.isArray(parent)) {
      // An index loop: `map` would skip the holes of a sparse array.
      for (let index = 0; index < parent.length; index += 1) {
        stack.push({
          value: parent[index],
          depth: depth + 1,
          key: index,
          parent: node,
        });
      }
    } else {
      for (const [key, child] of Object.entries(parent)) {
        stack.push({ value: child, depth: depth + 1, key, parent: node });
      }
    }
  }
  return undefined;
};
