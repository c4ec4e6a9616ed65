import type * as z from 'zod';
import { formatPath } from '../events/issue-path.js';
import { PARSE_OPTIONS } from '../events/parse-options.js';
import { ConfigError } from './config-error.js';
import { checkConfigLimits } from './config-limits.js';
import { type Config, ConfigSchema } from './config-schema.js';
import { didYouMean } from './did-you-mean.js';
import { keysAt } from './schema-keys.js';

const describeInput = (input: unknown): string =>
  input === undefined
    ? 'nothing'
    : input === null
      ? 'null'
      : Array.isArray(input)
        ? 'a list'
        : typeof input === 'object'
          ? 'a mapping'
          : `${typeof input} ${JSON.stringify(input)}`;

const describe = (issue: z.core.$ZodIssue): string[] => {
  const where = formatPath('', issue.path) || '(root)';
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(ConfigSchema, issue.path);
    return issue.keys.map((key) => {
      const guess = didYouMean(key, known);
      const hint = guess
        ? `; did you mean "${guess}"?`
        : known.length > 0
          ? `; known keys: ${known.join(', ')}`
          : '';
      return `${formatPath('', [...issue.path, key])}: unknown key${hint}`;
    });
  }
  if (
    issue.code === 'invalid_value' &&
    issue.values.every((v) => typeof v === 'string')
  ) {
    const values = issue.values as string[];
    const got = typeof issue.input === 'string' ? issue.input : undefined;
    const guess = got === undefined ? undefined : didYouMean(got, values);
    return [
      `${where}: expected one of ${values.join(', ')}${got === undefined ? '' : `; got "${got}"`}${guess ? `; did you mean "${guess}"?` : ''}`,
    ];
  }
  if (issue.code === 'invalid_type') {
    return [
      `${where}: expected ${issue.expected}, got ${describeInput(issue.input)}`,
    ];
  }
  return [`${where}: ${issue.message}`];
};

/** Names used twice in `routes` or `suppressions`, found on the raw document. */
const duplicateNames = (document: unknown): string[] => {
  if (typeof document !== 'object' || document === null) return [];
  const problems: string[] = [];
  for (const list of ['routes', 'suppressions'] as const) {
    const items = (document as Record<string, unknown>)[list];
    if (!Array.isArray(items)) continue;
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const name = (item as { name?: unknown } | null)?.name;
      if (typeof name !== 'string') return;
      const first = seen.get(name);
      if (first === undefined) seen.set(name, index);
      else {
        problems.push(
          `${list}[${index}].name: duplicate name "${name}" (already used by ${list}[${first}])`
        );
      }
    });
  }
  return problems;
};

/**
 * Validates a parsed configuration document, reporting every problem at once
 * with its path and what was expected.
 */
export const validateConfig = (document: unknown, source: string): Config => {
  if (document === null || document === undefined) {
    throw new ConfigError(source, [
      '(root): the configuration is empty; define at least `routes`',
    ]);
  }
  checkConfigLimits(document, source);
  const parsed = ConfigSchema.safeParse(document, {
    ...PARSE_OPTIONS,
    reportInput: true,
  });
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.flatMap(describe)),
    ...duplicateNames(document),
  ];
  if (!parsed.success || problems.length > 0)
    throw new ConfigError(source, problems);
  return Object.freeze(parsed.data);
};
