import { formatPath } from '../events/issue-path.js';
import { ConfigError } from './config-error.js';

/**
 * What a configuration may contain. A file inside these limits is checked
 * in milliseconds and routes an event in well under one; a file outside
 * them is refused before validation with one clear problem each.
 */
export const CONFIG_LIMITS = {
  /** The configuration text (YAML or JSON). */
  textBytes: 256 * 1024,
  /** Lines of configuration text (the YAML parser checks keys for duplicates in quadratic time). */
  textLines: 5_000,
  /** Values in the document after YAML aliases are expanded. */
  expandedValues: 20_000,
  /** Items in any one list (routes, patterns, suppressions, ...). */
  listItems: 1_000,
  /** Keys in any one mapping. */
  mappingKeys: 100,
  /** Characters in any one string (a glob pattern, a name, a reason). */
  stringChars: 256 * 4,
  /** Nesting of lists and mappings. */
  depth: 32,
} as const;

/** Refuses configuration text over the size limit, before parsing it. */
export const checkConfigText = (text: string, source: string): void => {
  const bytes = Buffer.byteLength(text);
  if (bytes > CONFIG_LIMITS.textBytes) {
    throw new ConfigError(source, [
      `(root): the configuration is ${bytes} bytes; at most ${CONFIG_LIMITS.textBytes} are allowed`,
    ]);
  }
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    lines += 1;
  }
  if (lines > CONFIG_LIMITS.textLines) {
    throw new ConfigError(source, [
      `(root): the configuration has ${lines} lines; at most ${CONFIG_LIMITS.textLines} are allowed`,
    ]);
  }
};

/**
 * Refuses a parsed document over the limits: expanded size (YAML aliases
 * make a small file expand to a huge document), list and mapping sizes,
 * string lengths, depth. Iterative, stops at the first few problems.
 */
export const checkConfigLimits = (document: unknown, source: string): void => {
  const problems: string[] = [];
  let values = 0;
  const stack: { value: unknown; path: PropertyKey[] }[] = [
    { value: document, path: [] },
  ];
  for (
    let item = stack.pop();
    item && problems.length < 5;
    item = stack.pop()
  ) {
    values += 1;
    const where = formatPath('', item.path) || '(root)';
    if (values > CONFIG_LIMITS.expandedValues) {
      problems.push(
        `(root): more than ${CONFIG_LIMITS.expandedValues} values once YAML aliases are expanded`
      );
      break;
    }
    const { value, path } = item;
    if (typeof value === 'string' && value.length > CONFIG_LIMITS.stringChars) {
      problems.push(
        `${where}: ${value.length} characters; at most ${CONFIG_LIMITS.stringChars} are allowed`
      );
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= CONFIG_LIMITS.depth) {
      problems.push(
        `${where}: nested deeper than ${CONFIG_LIMITS.depth} levels`
      );
      continue;
    }
    const entries: [PropertyKey, unknown][] = Array.isArray(value)
      ? value.map((child, index): [PropertyKey, unknown] => [index, child])
      : Object.entries(value);
    const [limit, noun] = Array.isArray(value)
      ? [CONFIG_LIMITS.listItems, 'items']
      : [CONFIG_LIMITS.mappingKeys, 'keys'];
    if (entries.length > limit) {
      problems.push(
        `${where}: ${entries.length} ${noun}; at most ${limit} are allowed`
      );
      continue;
    }
    for (const [key, child] of entries) {
      stack.push({ value: child, path: [...path, key] });
    }
  }
  if (problems.length > 0) throw new ConfigError(source, problems);
};
