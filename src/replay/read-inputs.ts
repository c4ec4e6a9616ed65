import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventKind } from '../event-kinds/event-kind.js';
import { EVENT_KINDS } from '../event-kinds/registry.js';
import { decodeFile, parseJsonFile } from './decode-file.js';
import { eventsOf } from './wrap.js';

/** One event to replay, or a file that could not be read as JSON. */
export type ReplayInput =
  | {
      readonly file: string;
      readonly index: number;
      readonly event: unknown;
      readonly wrapped?: string;
    }
  | { readonly file: string; readonly index: number; readonly error: string };

/** `.json`, `.jsonl` and `.ndjson`, in any case (`.JSON` too). */
const EVENT_FILE = /\.(json|jsonl|ndjson)$/i;

const jsonFiles = async (path: string): Promise<string[]> => {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory() || EVENT_FILE.test(entry.name))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((entry) => jsonFiles(join(path, entry.name)))
  );
  return nested.flat();
};

export type ReadOptions = {
  /** Told about inputs that hold no events (an empty folder, file or listing). */
  readonly warn?: (message: string) => void;
};

/**
 * Expands files and folders (recursively, `.json`, `.jsonl` and `.ndjson`
 * files in any case, sorted) into the events they hold. A file may hold one
 * event, an array of events, a findings listing or JSON Lines, in UTF-8
 * (with or without a byte order mark) or UTF-16.
 */
export const readInputs = async (
  paths: readonly string[],
  kinds: readonly EventKind[] = EVENT_KINDS,
  options: ReadOptions = {}
): Promise<ReplayInput[]> => {
  const inputs: ReplayInput[] = [];
  for (const path of paths) {
    const files = await jsonFiles(path);
    if (files.length === 0)
      options.warn?.(`${path}: no .json, .jsonl or .ndjson files found`);
    for (const file of files) {
      const parsed = parseJsonFile(file, decodeFile(await readFile(file)));
      if (!parsed.ok) {
        inputs.push({ file, index: 0, error: parsed.error });
        continue;
      }
      const events = parsed.documents.flatMap((document) =>
        eventsOf(document, kinds)
      );
      if (events.length === 0)
        options.warn?.(`${file}: holds no events (an empty file or listing)`);
      events.forEach((unwrapped, index) => {
        inputs.push({ file, index, ...unwrapped });
      });
    }
  }
  return inputs;
};
