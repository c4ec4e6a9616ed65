import { readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Static `import … from"./x.mjs"` and `import"./x.mjs"`; not `import("./x.mjs")`. */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+\.mjs)"/g;

const staticClosure = (entry: string): string[] => {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(
      STATIC_IMPORT
    )) {
      if (specifier) visit(resolve(dirname(file), specifier));
    }
  };
  visit(resolve(entry));
  return [...seen];
};

const allModules = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.mjs'))
    .map((file) => resolve(dir, file));

const measure = (files: readonly string[]) => {
  const code = Buffer.concat(files.map((file) => readFileSync(file)));
  return {
    files: files.length,
    rawKb: code.length / 1024,
    gzipKb: gzipSync(code).length / 1024,
  };
};

export type BundleSize = {
  /** What `import` of the entry loads: the entry and its static imports. */
  readonly coldStart: ReturnType<typeof measure> & { modules: string[] };
  /** Every module in the function's folder, lazy chunks included. */
  readonly total: ReturnType<typeof measure>;
};

/**
 * Benchmark 3: the bundle's size, minified, raw and gzipped. The build splits
 * what is loaded on first use only into chunks; the budget applies to what a
 * cold start loads, and the total is reported beside it.
 */
export const measureBundle = (entry: string): BundleSize => {
  const loaded = staticClosure(entry);
  return {
    coldStart: {
      ...measure(loaded),
      modules: loaded.map((file) => relative(dirname(entry), file)),
    },
    total: measure(allModules(dirname(entry))),
  };
};

export const describeBundle = (size: BundleSize): string =>
  `${size.coldStart.rawKb.toFixed(0)} KB raw, ${size.coldStart.gzipKb.toFixed(0)} KB gzip loaded at cold start (${size.coldStart.files} files); ${size.total.rawKb.toFixed(0)} KB in all (${size.total.files} files)`;
