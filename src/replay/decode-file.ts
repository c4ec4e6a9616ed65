/**
 * File bytes as text: UTF-8 (with or without a byte order mark) and UTF-16
 * (little or big endian, with a byte order mark, or recognised by its zero
 * bytes), as editors on Windows and PowerShell's `>` write them.
 */
export const decodeFile = (bytes: Uint8Array): string => {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (a === 0xff && b === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // JSON starts with ASCII: in UTF-16 without a mark, one of its two bytes is 0.
  if (bytes.length >= 2 && a !== 0 && b === 0)
    return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && a === 0 && b !== 0)
    return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
};

export type ParsedFile =
  | { readonly ok: true; readonly documents: readonly unknown[] }
  | { readonly ok: false; readonly error: string };

const parseLines = (text: string): ParsedFile => {
  const documents: unknown[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      documents.push(JSON.parse(line));
    } catch (error) {
      return {
        ok: false,
        error: `invalid JSON Lines: line ${index + 1}: ${(error as Error).message}`,
      };
    }
  }
  return { ok: true, documents };
};

/**
 * The JSON documents of a file: one JSON value, or JSON Lines (one value per
 * line; `.jsonl` / `.ndjson` files always, `.json` files when the whole text
 * is not one value but every line is).
 */
export const parseJsonFile = (name: string, text: string): ParsedFile => {
  if (/\.(jsonl|ndjson)$/i.test(name) || text.trim() === '')
    return parseLines(text);
  try {
    return { ok: true, documents: [JSON.parse(text)] };
  } catch (error) {
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
    const asLines = lines.length > 1 ? parseLines(text) : undefined;
    return asLines?.ok
      ? asLines
      : { ok: false, error: `invalid JSON: ${(error as Error).message}` };
  }
};
