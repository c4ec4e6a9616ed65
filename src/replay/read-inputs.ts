import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventKind } from '../event-kinds/event-kind.js';
import { EVENT_KINDS } from '../event-kinds/registry.js';
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

const jsonFiles = async (path: string): Promise<string[]> => {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory() || entry.name.endsWith('.json'))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((entry) => jsonFiles(join(path, entry.name)))
  );
  return nested.flat();
};

/**
 * Expands files and folders (recursively, `.json` files, sorted) into the
 * events they hold. A file may hold one event or an array of events.
 */
export const readInputs = async (
  paths: readonly string[],
  kinds: readonly EventKind[] = EVENT_KINDS
): Promise<ReplayInput[]> => {
  const inputs: ReplayInput[] = [];
  for (const path of paths) {
    for (const file of await jsonFiles(path)) {
      let document: unknown;
      try {
        document = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        inputs.push({
          file,
          index: 0,
          error: `invalid JSON: ${(error as Error).message}`,
        });
        continue;
      }
      eventsOf(document, kinds).forEach((unwrapped, index) => {
        inputs.push({ file, index, ...unwrapped });
      });
    }
  }
  return inputs;
};
