import type * as z from 'zod';
import { formatPath } from '../events/issue-path.js';
import { PARSE_OPTIONS } from '../events/parse-options.js';
import { didYouMean } from '../filters/did-you-mean.js';
import { ConfigError } from './config-error.js';
import { checkConfigLimits } from './config-limits.js';
import { type Config, ConfigSchema } from './config-schema.js';
import { type Locate, NOWHERE } from './locate.js';
import { describeLocation } from './problem-location.js';
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

const CONDITION_KEYS = keysAt(ConfigSchema, ['routes', 0, 'match', 0]);
const ROUTE_KEYS = keysAt(ConfigSchema, ['routes', 0]);

/** Where a misplaced key belongs, when it is a known key one level off. */
const misplaced = (
  path: readonly PropertyKey[],
  key: string
): string | undefined => {
  const inEntry = path.length === 2 && typeof path[1] === 'number';
  if (inEntry && CONDITION_KEYS.includes(key)) {
    return path[0] === 'routes'
      ? `"${key}" is a condition: put it under "match:" (or "exclude:")`
      : `"${key}" is a condition: put it under "match:"`;
  }
  const inCondition = path.some(
    (part) => part === 'match' || part === 'exclude'
  );
  if (inCondition && ROUTE_KEYS.includes(key) && key !== 'name') {
    return `"${key}" is a route setting: move it out of the condition, to the route itself`;
  }
  return undefined;
};

type Where = (path: readonly PropertyKey[], key?: string) => string;

const describe = (
  issue: z.core.$ZodIssue,
  where: Where,
  locate: Locate
): string[] => {
  const at = where(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const known = keysAt(ConfigSchema, issue.path);
    return issue.keys.map((key) => {
      const guess = didYouMean(key, known);
      const hint =
        misplaced(issue.path, key) ??
        (guess
          ? `did you mean "${guess}"?`
          : known.length > 0
            ? `known keys: ${known.join(', ')}`
            : '');
      return `${where(issue.path, key)}: unknown key${hint ? `; ${hint}` : ''}`;
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
      `${at}: expected one of ${values.join(', ')}${got === undefined ? '' : `; got "${got}"`}${guess ? `; did you mean "${guess}"?` : ''}`,
    ];
  }
  if (issue.code === 'invalid_type') {
    const written = locate(issue.path)?.text;
    // YAML reads 012345678901 as the number 12345678901: show what was written.
    const input =
      typeof issue.input === 'number' && written !== undefined
        ? `number ${written}`
        : describeInput(issue.input);
    const fix =
      issue.expected === 'string' && typeof issue.input === 'number'
        ? `; quote it: '${written ?? String(issue.input)}'`
        : '';
    return [`${at}: expected ${issue.expected}, got ${input}${fix}`];
  }
  return [`${at}: ${issue.message}`];
};

/** Names used twice in `routes` or `suppressions`, found on the raw document. */
const duplicateNames = (document: unknown, where: Where): string[] => {
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
          `${where([list, index, 'name'])}: duplicate name "${name}" (already used by ${formatPath(list, [first])}); give each a unique name`
        );
      }
    });
  }
  return problems;
};

/**
 * Validates a parsed configuration document, reporting every problem at once
 * with the route or suppression it is in, its path, its line and column
 * (when `locate` knows them) and what was expected.
 */
export const validateConfig = (
  document: unknown,
  source: string,
  locate: Locate = NOWHERE
): Config => {
  if (document === null || document === undefined) {
    throw new ConfigError(source, [
      '(root): the configuration is empty; define at least `routes`',
    ]);
  }
  checkConfigLimits(document, source);
  const where: Where = (path, key) =>
    describeLocation(document, locate, path, key);
  const parsed = ConfigSchema.safeParse(document, {
    ...PARSE_OPTIONS,
    reportInput: true,
  });
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.flatMap((issue) => describe(issue, where, locate))),
    ...duplicateNames(document, where),
  ];
  if (!parsed.success || problems.length > 0)
    throw new ConfigError(source, problems);
  return Object.freeze(parsed.data);
};
