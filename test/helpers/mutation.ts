/** Where a value sits inside a JSON document: keys and array indexes. */
export type Path = readonly (string | number)[];

/** Every path to a value inside `value`, the root included. */
export const pathsOf = (value: unknown, prefix: Path = []): Path[] => {
  const children =
    typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, child]) =>
          pathsOf(child, [...prefix, Array.isArray(value) ? Number(key) : key])
        )
      : [];
  return [prefix, ...children];
};

/** A copy of `value` with the value at `path` replaced, or deleted. */
export const mutate = (
  value: unknown,
  path: Path,
  replacement: { readonly value: unknown } | undefined
): unknown => {
  if (path.length === 0) return replacement?.value;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) {
    parent = parent[key] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1] as string | number;
  if (replacement) parent[last] = replacement.value;
  else delete parent[last];
  return copy;
};
