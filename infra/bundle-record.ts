import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BUNDLED_CONFIG_NAME,
  type NotifierConfigFile,
} from './notifier-config.js';

/** Where `npm run build` puts the function's artifact (whatever the current directory). */
export const DEFAULT_BUNDLE_DIR = fileURLToPath(
  new URL('../dist/notify-findings', import.meta.url)
);

/** Beside the artifact (not in it): which config went into the bundle. */
export const RECORD_NAME = 'bundled-config.json';

/** What the build records about the config it bundled. */
export type BundleRecord = {
  /** The config file, as given to the build. */
  readonly configFile: string;
  /** SHA-256 of the bundled `notifier-config.json`. */
  readonly sha256: string;
};

/** The bundled config: the validated file's document as JSON. */
export const bundledConfigText = (file: NotifierConfigFile): string =>
  `${JSON.stringify(file.document, null, 2)}\n`;

const sha256 = (text: string) =>
  createHash('sha256').update(text).digest('hex');

const recordPath = (bundleDir: string) => join(dirname(bundleDir), RECORD_NAME);

/** Writes the config into the bundle and records which file and hash it was. */
export const writeBundledConfig = (
  bundleDir: string,
  file: NotifierConfigFile
): BundleRecord => {
  const text = bundledConfigText(file);
  const record = { configFile: file.path, sha256: sha256(text) };
  writeFileSync(join(bundleDir, BUNDLED_CONFIG_NAME), text);
  writeFileSync(recordPath(bundleDir), `${JSON.stringify(record, null, 2)}\n`);
  return record;
};

const builtFrom = (bundleDir: string): string => {
  try {
    const record = JSON.parse(
      readFileSync(recordPath(bundleDir), 'utf8')
    ) as Partial<BundleRecord>;
    return typeof record.configFile === 'string'
      ? record.configFile
      : 'an unrecorded config';
  } catch {
    return 'an unrecorded config';
  }
};

/**
 * Refuses to deploy a bundle built from another config than the one the
 * infrastructure (topics, rules, IAM) is made from: the function would
 * publish to topics the stack neither created nor granted. `deployWith`
 * says how the deploy tool takes the config (`-c configFile=...`).
 */
export const assertBundledConfig = (
  bundleDir: string,
  file: NotifierConfigFile,
  deployWith: (path: string) => string
): void => {
  const bundled = join(bundleDir, BUNDLED_CONFIG_NAME);
  const build = `CONFIG_FILE=${file.path} npm run build`;
  if (!existsSync(bundled)) {
    throw new Error(
      `${relative('.', bundled) || bundled} is missing: build the function with this config first (${build}).`
    );
  }
  if (sha256(readFileSync(bundled, 'utf8')) === sha256(bundledConfigText(file)))
    return;
  const other = builtFrom(bundleDir);
  if (other === file.path) {
    throw new Error(
      `The function in ${relative('.', bundleDir) || bundleDir} was built from an earlier version of ${file.path}: run \`${build}\` again.`
    );
  }
  throw new Error(
    `The function in ${relative('.', bundleDir) || bundleDir} was built from ${other}, but the topics, rules and IAM would be made from ${file.path}: deployed, it would publish where it is not allowed to. Run \`${build}\`, or deploy the built config with ${deployWith(other)}.`
  );
};
