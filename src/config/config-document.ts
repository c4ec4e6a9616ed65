import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml';
import { ConfigError } from './config-error.js';
import { checkConfigText } from './config-limits.js';
import type { Locate, Position } from './locate.js';

export type ConfigDocument = {
  /** The parsed document, not yet validated. */
  readonly document: unknown;
  readonly locate: Locate;
};

type Doc = ReturnType<typeof parseDocument>;

const pairOf = (node: unknown, key: PropertyKey) =>
  isMap(node)
    ? node.items.find(
        (pair) => isScalar(pair.key) && String(pair.key.value) === String(key)
      )
    : undefined;

const childOf = (doc: Doc, node: unknown, key: PropertyKey): unknown => {
  const resolved = isAlias(node) ? node.resolve(doc) : node;
  if (isSeq(resolved) && typeof key === 'number') return resolved.items[key];
  if (isMap(resolved) && typeof key === 'string')
    return pairOf(resolved, key)?.value ?? undefined;
  // A single value stands for a list of one: `match[0]` is the mapping itself.
  return key === 0 ? resolved : undefined;
};

const positionOf = (
  node: Node | undefined,
  text: string,
  lines: LineCounter
): Position | undefined => {
  const range = node?.range;
  if (!range) return undefined;
  const { line, col } = lines.linePos(range[0]);
  return {
    line,
    column: col,
    text: text.slice(range[0], range[1]),
    ...(isScalar(node) &&
    (node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE')
      ? { quoted: true }
      : {}),
  };
};

/**
 * Reads configuration text (YAML, of which JSON is a subset) into a
 * document, keeping where each value was written so problems can name the
 * line and column.
 */
export const readConfigDocument = (
  text: string,
  source: string
): ConfigDocument => {
  checkConfigText(text, source);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      source,
      doc.errors.map((error) => `not valid YAML or JSON: ${error.message}`)
    );
  }
  const locate: Locate = (path, key) => {
    let node: unknown = doc.contents;
    for (const part of path) {
      const child = childOf(doc, node, part);
      if (child === undefined || child === null) break;
      node = child;
    }
    const target = key === undefined ? node : (pairOf(node, key)?.key ?? node);
    return positionOf(target as Node | undefined, text, lines);
  };
  try {
    return { document: doc.toJS(), locate };
  } catch (error) {
    throw new ConfigError(
      source,
      [`not valid YAML or JSON: ${(error as Error).message}`],
      { cause: error }
    );
  }
};
