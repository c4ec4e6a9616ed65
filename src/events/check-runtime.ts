/**
 * What the generated checks (`*.generated.ts`, from `check-codegen.ts`)
 * share: each is a plain function that returns, for input its zod schema
 * accepts, the value zod's parse would return (same keys, same order, fresh
 * copies), and for input it rejects, `INVALID`; then zod runs to say why.
 */

/** What a check returns for input its schema would reject. */
export const INVALID: unique symbol = Symbol('invalid');

/** The value zod's parse would return, or `INVALID`. */
export type Check = (input: unknown) => unknown;

/** zod's test for an object: not null, not an array. */
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

/** `z.record(z.string(), value)`: every own enumerable string key, checked. */
export const recordOf = (input: unknown, check: Check): unknown => {
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

/** `z.array(element)`: every element, checked. */
export const arrayOf = (input: unknown, check: Check): unknown => {
  if (!Array.isArray(input)) return INVALID;
  const out = new Array<unknown>(input.length);
  for (let index = 0; index < input.length; index++) {
    const value = check(input[index]);
    if (value === INVALID) return INVALID;
    out[index] = value;
  }
  return out;
};

/** One key of an object's shape: its name, its check, and whether it may be absent. */
export type Field = readonly [key: string, check: Check, optional: boolean];

/**
 * `z.object(shape)`: the shape's keys in its order, each checked; with
 * `known` (a loose object's shape keys), the other keys too, as zod passes
 * them through, never an own `__proto__`.
 */
export const objectOf = (
  input: unknown,
  fields: readonly Field[],
  known?: ReadonlySet<string>
): unknown => {
  if (!isObject(input)) return INVALID;
  const out: Record<string, unknown> = {};
  for (const [key, check, optional] of fields) {
    if (!(key in input)) {
      if (optional) continue;
      return INVALID;
    }
    const value = check(input[key]);
    if (value === INVALID) return INVALID;
    out[key] = value;
  }
  if (known) {
    for (const key in input) {
      if (!known.has(key) && key !== '__proto__') out[key] = input[key];
    }
  }
  return out;
};

export const checkString: Check = (input) =>
  typeof input === 'string' ? input : INVALID;

export const checkNumber: Check = (input) =>
  typeof input === 'number' && Number.isFinite(input) ? input : INVALID;

export const checkBoolean: Check = (input) =>
  typeof input === 'boolean' ? input : INVALID;

export const checkAny: Check = (input) => input;
