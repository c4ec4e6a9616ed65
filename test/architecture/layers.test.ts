import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The folders of `src/` in the order data flows through them, then the
 * Lambda entry points. A folder may import itself and the folders before it,
 * never one after it: dependencies point one way.
 */
const LAYERS = [
  'src/events',
  'src/findings',
  'src/event-kinds',
  'src/filters',
  'src/config',
  'src/routing',
  'src/dedup',
  'src/formatters',
  // The Slack relay reads the config and the formatters' Slack types; it
  // never needs publishing, the pipeline or the notifier's handler.
  'src/slack-relay',
  'src/publish',
  'src/acknowledge',
  'src/pipeline',
  'src/observability',
  'src/handler',
  'src/replay',
  // Renders a sample with the pipeline's code and publishes it with the
  // user's credentials (npm run notify-test).
  'src/notify-test',
  'functions',
] as const;

const root = path.resolve(import.meta.dirname, '../..');

const sourceFiles = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap(
    (entry) => {
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(relative);
      return entry.name.endsWith('.ts') ? [relative] : [];
    }
  );

const SPECIFIER = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** The relative imports of a file, as paths from the repository root. */
const importsOf = (file: string): string[] =>
  [...readFileSync(path.join(root, file), 'utf8').matchAll(SPECIFIER)].map(
    (match) => path.join(path.dirname(file), match[1] ?? '')
  );

const layerOf = (file: string): number =>
  LAYERS.findIndex((layer) => file === layer || file.startsWith(`${layer}/`));

type Edge = { readonly from: string; readonly to: string };

const edgesOf = (files: readonly string[]): Edge[] =>
  files.flatMap((from) => importsOf(from).map((to) => ({ from, to })));

/** Imports from a file in one layer into a file in a later layer. */
const upward = (edges: readonly Edge[]): Edge[] =>
  edges.filter(({ from, to }) => layerOf(to) > layerOf(from));

const existing = LAYERS.filter((layer) => {
  try {
    readdirSync(path.join(root, layer));
    return true;
  } catch {
    return false;
  }
});

describe('Layers', () => {
  const files = existing.flatMap(sourceFiles);

  it('places every source folder in the layer order', () => {
    const unplaced = files.filter((file) => layerOf(file) < 0);
    expect(unplaced).toEqual([]);
  });

  it('has no folder importing a folder after it', () => {
    expect(upward(edgesOf(files))).toEqual([]);
  });

  it('flags an import into a later layer and allows one into an earlier', () => {
    const down = { from: 'src/formatters/a.ts', to: 'src/dedup/b.js' };
    const up = { from: 'src/dedup/b.ts', to: 'src/formatters/a.js' };
    const same = { from: 'src/dedup/b.ts', to: 'src/dedup/c.js' };
    expect(upward([down, up, same])).toEqual([up]);
  });

  it('reads the relative imports of a file', () => {
    expect(edgesOf(['src/dedup/plan-claim.ts'])).toContainEqual({
      from: 'src/dedup/plan-claim.ts',
      to: 'src/dedup/variant.js',
    });
  });
});
