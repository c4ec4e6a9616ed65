import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type Zippable, zipSync } from 'fflate';

/** Zip's "made by" system for Unix: its external attributes carry the mode. */
const UNIX = 3;
/**
 * Every entry gets this date, so the same files give the same zip (and
 * asset hash). Zip dates are local-time fields: a local date keeps them the
 * same in every time zone (and inside zip's 1980 - 2099).
 */
const EPOCH = new Date(1980, 0, 1, 12);

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? filesUnder(join(dir, entry.name))
        : [join(dir, entry.name)]
    )
    .sort();

/**
 * Zips a built function folder as Lambda gets it, with every mode written
 * out rather than read from the file system: regular files 0644, the names
 * in `executables` 0755 (the heap wrapper Lambda must execute). So the
 * package is the same, and runs, whichever OS built it: on Windows no file
 * has an execute bit for CDK's or another zip to keep.
 */
export const writeDeploymentZip = (
  dir: string,
  zipFile: string,
  executables: readonly string[]
): void => {
  const entries: Zippable = {};
  for (const file of filesUnder(dir)) {
    const name = relative(dir, file).split(sep).join('/');
    const mode = executables.includes(name) ? 0o100755 : 0o100644;
    entries[name] = [
      readFileSync(file),
      { os: UNIX, attrs: (mode << 16) >>> 0, mtime: EPOCH },
    ];
  }
  writeFileSync(zipFile, zipSync(entries, { level: 9 }));
};
