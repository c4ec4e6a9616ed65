import type { z } from 'zod';
import { type CheckDef, refinement } from './check-refinement.js';

/** What a compiled check returns for input its schema would reject. */
export const INVALID: unique symbol = Symbol('invalid');

/** The value zod's parse would return, or `INVALID`. */
export type Check = (input: unknown) => unknown;

type Def = {
  readonly type: string;
  readonly checks?: ReadonlyArray<{
    readonly _zod: { readonly def: CheckDef };
  }>;
  readonly shape?: Record<string, Schema>;
  readonly catchall?: Schema;
  readonly element?: Schema;
  readonly keyType?: Schema;
  readonly valueType?: Schema;
  readonly innerType?: Schema;
  readonly options?: readonly Schema[];
  readonly fn?: (value: unknown) => unknown;
};
type Schema = {
  readonly _zod: { readonly def: Def; readonly values?: ReadonlySet<unknown> };
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** zod's test for a record: an object whose constructor, if any, looks like Object's. */
const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (!isObject(value)) return false;
  const ctor = value.constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const prototype: unknown = ctor.prototype;
  return isObject(prototype) && Object.hasOwn(prototype, 'isPrototypeOf');
};

const withChecks = (def: Def, check: Check): Check => {
  const refinements = (def.checks ?? []).map((item) =>
    refinement(item._zod.def)
  );
  if (refinements.length === 0) return check;
  return (input) => {
    const value = check(input);
    if (value === INVALID) return INVALID;
    for (const holds of refinements) if (!holds(value)) return INVALID;
    return value;
  };
};

const objectCheck = (def: Def): Check => {
  const shape = def.shape ?? {};
  const keys = Object.keys(shape);
  const known = new Set(keys);
  const fields = keys.map((key) => ({
    key,
    check: compile(shape[key] as Schema),
    optional: (shape[key] as Schema)._zod.def.type === 'optional',
  }));
  const catchall = def.catchall?._zod.def.type;
  if (catchall !== undefined && catchall !== 'unknown')
    throw new Error(`compiled check: unsupported catchall "${catchall}"`);
  return (input) => {
    if (!isObject(input)) return INVALID;
    const out: Record<string, unknown> = {};
    for (const { key, check, optional } of fields) {
      if (!(key in input)) {
        if (optional) continue;
        return INVALID;
      }
      const value = check(input[key]);
      if (value === INVALID) return INVALID;
      out[key] = value;
    }
    if (catchall) {
      for (const key in input) {
        if (!known.has(key) && key !== '__proto__') out[key] = input[key];
      }
    }
    return out;
  };
};

const recordCheck = (def: Def): Check => {
  const key = def.keyType?._zod.def;
  if (key?.type !== 'string' || (key.checks ?? []).length > 0)
    throw new Error('compiled check: records need plain string keys');
  const check = compile(def.valueType as Schema);
  return (input) => {
    if (!isPlainObject(input)) return INVALID;
    const out: Record<string, unknown> = {};
    for (const name of Reflect.ownKeys(input)) {
      if (name === '__proto__') continue;
      if (!Object.prototype.propertyIsEnumerable.call(input, name)) continue;
      if (typeof name !== 'string') return INVALID;
      const value = check(input[name]);
      if (value === INVALID) return INVALID;
      out[name] = value;
    }
    return out;
  };
};

const arrayCheck = (def: Def): Check => {
  const check = compile(def.element as Schema);
  return (input) => {
    if (!Array.isArray(input)) return INVALID;
    const out = new Array<unknown>(input.length);
    for (let index = 0; index < input.length; index++) {
      const value = check(input[index]);
      if (value === INVALID) return INVALID;
      out[index] = value;
    }
    return out;
  };
};

const unionCheck = (def: Def): Check => {
  const options = (def.options ?? []).map(compile);
  return (input) => {
    for (const option of options) {
      const value = option(input);
      if (value !== INVALID) return value;
    }
    return INVALID;
  };
};

const typeCheck = (schema: Schema): Check => {
  const def = schema._zod.def;
  switch (def.type) {
    case 'string':
      return (input) => (typeof input === 'string' ? input : INVALID);
    case 'number':
      return (input) =>
        typeof input === 'number' && Number.isFinite(input) ? input : INVALID;
    case 'boolean':
      return (input) => (typeof input === 'boolean' ? input : INVALID);
    case 'unknown':
    case 'any':
      return (input) => input;
    case 'enum': {
      const values = schema._zod.values ?? new Set();
      return (input) => (values.has(input) ? input : INVALID);
    }
    case 'custom':
      return (input) => input;
    case 'optional': {
      const inner = compile(def.innerType as Schema);
      return (input) => (input === undefined ? undefined : inner(input));
    }
    case 'nullable': {
      const inner = compile(def.innerType as Schema);
      return (input) => (input === null ? null : inner(input));
    }
    case 'object':
      return objectCheck(def);
    case 'record':
      return recordCheck(def);
    case 'array':
      return arrayCheck(def);
    case 'union':
      return unionCheck(def);
  }
  throw new Error(`compiled check: unsupported zod type "${def.type}"`);
};

const compile = (schema: Schema): Check => {
  const def = schema._zod.def;
  // z.custom is its own first check (its predicate), before any refine.
  const own =
    def.type === 'custom' && def.fn
      ? {
          ...def,
          checks: [
            { _zod: { def: { check: 'custom', fn: def.fn } } },
            ...(def.checks ?? []),
          ],
        }
      : def;
  return withChecks(own, typeCheck(schema));
};

/**
 * A zod schema compiled to plain checks: for input the schema accepts, the
 * value its parse returns (same keys, same order, the same copies); for
 * input it rejects, `INVALID`, and the caller runs zod to say why. Only the
 * types and checks the event schemas use are supported: any other throws,
 * and a test compiles every event schema.
 */
export const compileCheck = (schema: z.ZodType): Check =>
  compile(schema as unknown as Schema);

const compiled = new WeakMap<object, Check>();

/** Everything goes to zod: for a schema that cannot be compiled. */
const zodOnly: Check = () => INVALID;

/**
 * The schema's compiled check, made on first use. A schema that cannot be
 * compiled gets one that sends every input to zod: slower, never wrong.
 */
export const checkerFor = (schema: z.ZodType): Check => {
  let check = compiled.get(schema);
  if (!check) {
    try {
      check = compileCheck(schema);
    } catch {
      check = zodOnly;
    }
    compiled.set(schema, check);
  }
  return check;
};
