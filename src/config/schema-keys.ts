import type * as z from 'zod';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  options?: readonly z.ZodType[];
  valueType?: z.ZodType;
};

const defOf = (schema: z.ZodType): Def =>
  (schema as unknown as { def: Def }).def;

/** The object schemas a value at this schema may be (through wrappers and unions). */
const objectsOf = (schema: z.ZodType): Def[] => {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return [def];
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
      return def.innerType ? objectsOf(def.innerType) : [];
    case 'pipe':
      return [
        ...(def.in ? objectsOf(def.in) : []),
        ...(def.out ? objectsOf(def.out) : []),
      ];
    case 'union':
      return (def.options ?? []).flatMap(objectsOf);
    default:
      return [];
  }
};

const childrenOf = (schema: z.ZodType, key: PropertyKey): z.ZodType[] => {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return def.shape && typeof key === 'string' && def.shape[key]
        ? [def.shape[key]]
        : [];
    case 'array':
      return typeof key === 'number' && def.element ? [def.element] : [];
    case 'record':
      return def.valueType ? [def.valueType] : [];
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
      return def.innerType ? childrenOf(def.innerType, key) : [];
    case 'pipe':
      return [def.in, def.out].flatMap((part) =>
        part ? childrenOf(part, key) : []
      );
    case 'union':
      return (def.options ?? []).flatMap((option) => childrenOf(option, key));
    default:
      return [];
  }
};

/** The keys an object at `path` of `schema` accepts (empty when unknown). */
export const keysAt = (
  schema: z.ZodType,
  path: readonly PropertyKey[]
): string[] => {
  let current: z.ZodType[] = [schema];
  for (const key of path)
    current = current.flatMap((node) => childrenOf(node, key));
  return [
    ...new Set(
      current.flatMap(objectsOf).flatMap((def) => Object.keys(def.shape ?? {}))
    ),
  ];
};
