import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isObject, type Json } from '../../src/findings/values.js';
import { REPO_ROOT, readJson } from './events.js';

/**
 * The shared sample corpus, a sibling of the repository checkout
 * (`../shared/corpus`). It is not part of the repository: tests that read it
 * are skipped where it is absent.
 */
export const CORPUS_DIR = resolve(REPO_ROOT, '../shared/corpus');

export const corpusExists = existsSync(CORPUS_DIR);

/** The corpus folders (one per event kind or shape). */
export const corpusFolders = (): string[] =>
  corpusExists
    ? readdirSync(CORPUS_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];

/** The `.json` files of a corpus folder, without the extension, sorted. */
export const corpusFiles = (folder: string): string[] =>
  corpusExists && existsSync(join(CORPUS_DIR, folder))
    ? readdirSync(join(CORPUS_DIR, folder))
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.slice(0, -'.json'.length))
        .sort()
    : [];

export const readCorpus = (folder: string, name: string): unknown =>
  readJson(join(CORPUS_DIR, folder, `${name}.json`));

/**
 * The findings of a listing file: `{Findings: [...]}` (GetFindings),
 * `{findings: [...]}` (ListFindings, or GetFindings as some tools save it),
 * or one bare finding.
 */
export const findingsOf = (document: unknown): Json[] => {
  if (!isObject(document)) return [];
  const listing = document.Findings ?? document.findings;
  return Array.isArray(listing) ? listing.filter(isObject) : [document];
};
