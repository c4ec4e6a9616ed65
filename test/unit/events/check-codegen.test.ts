import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { generateChecks } from '../../../src/events/check-codegen.js';

const generate = (
  schema: z.ZodType,
  predicates: Record<string, unknown> = {}
) =>
  generateChecks({
    schemas: { subject: schema },
    predicates,
    module: {
      table: 'CHECKS',
      keyType: 'Name',
      schemasFrom: './schemas.js',
      runtimeFrom: './check-runtime.js',
      predicatesFrom: './predicates.js',
    },
  });

describe('Function: generateChecks', () => {
  it('refuses a type or a check it cannot generate, naming it', () => {
    expect(() => generate(z.date())).toThrow(/unsupported zod type "date"/);
    expect(() => generate(z.string().email())).toThrow(
      /unsupported zod check "string_format"/
    );
    expect(() => generate(z.string().min(3))).toThrow(
      /unsupported zod check "min_length"/
    );
    expect(() => generate(z.string().max(3))).toThrow(
      /unsupported zod check "max_length"/
    );
    expect(() => generate(z.strictObject({ a: z.string() }))).toThrow(
      /unsupported catchall "never"/
    );
    expect(() => generate(z.record(z.string().min(1), z.string()))).toThrow(
      /plain string keys/
    );
  });

  it('refuses a predicate that predicates.ts does not export', () => {
    const positive = (value: number) => value > 0;
    expect(() => generate(z.number().refine(positive))).toThrow(
      /not exported from predicates.ts/
    );
    expect(generate(z.number().refine(positive), { positive })).toContain(
      "import { positive } from './predicates.js';"
    );
  });

  it("checks an array's length at both ends, and a literal", () => {
    const source = generate(
      z.object({
        kind: z.literal('x'),
        items: z.array(z.string()).min(2).max(5),
      })
    );
    expect(source).toContain('.length >= 2');
    expect(source).toContain('.length <= 5');
    expect(source).toContain('new Set<unknown>(["x"])');
  });

  it('declares one function for equal checks, wherever they appear', () => {
    const source = generate(
      z.object({
        a: z.array(z.string().min(1)),
        b: z.array(z.string().min(1)),
      })
    );
    expect(source.match(/arrayOf\(input, check\d+\)/g)).toHaveLength(1);
  });
});
