import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEvent } from '../src/event-kinds/parse-event.js';
import { itemKind } from '../src/findings/notice.js';

type Json = Record<string, unknown>;

const jsonFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? jsonFiles(join(dir, entry.name))
        : entry.name.endsWith('.json')
          ? [join(dir, entry.name)]
          : []
    )
    .sort();

/**
 * The findings of an event the bench routes take: they name no `kind`, so
 * they take findings only (coverage and scan notices and custom actions are
 * ignored events for them, and the 200 coverage events of
 * `events/inspector2-coverage/` would otherwise be most of the workload).
 */
const findingCount = (event: unknown): number => {
  const parsed = parseEvent(event);
  return parsed.kind === 'findings'
    ? parsed.findings.filter((finding) => itemKind(finding) === 'finding')
        .length
    : 0;
};

/**
 * The sample events (copies of the corpus) that yield findings the bench
 * routes take, those with one finding first (a fresh process's first event
 * is one finding).
 */
export const handledSampleEvents = (root = 'events'): Json[] => {
  const events = jsonFiles(root)
    .flatMap((file) => {
      const document: unknown = JSON.parse(readFileSync(file, 'utf8'));
      return Array.isArray(document) ? document : [document];
    })
    .map((event) => ({ event: event as Json, findings: findingCount(event) }))
    .filter(({ findings }) => findings > 0);
  return [
    ...events.filter(({ findings }) => findings === 1),
    ...events.filter(({ findings }) => findings > 1),
  ].map(({ event }) => event);
};

/** Writes the handled sample events for the benchmark processes. */
export const writeSamples = (file: string, root = 'events'): void => {
  writeFileSync(file, JSON.stringify(handledSampleEvents(root)));
};

/** Gives every finding in a copy of `event` an id ending in `suffix`. */
const withDistinctIds = (event: Json, suffix: string): Json => {
  const copy = structuredClone(event);
  const detail = copy.detail as Json;
  if (typeof detail.findingArn === 'string')
    detail.findingArn = `${detail.findingArn}-${suffix}`;
  const findings = detail.findings;
  if (Array.isArray(findings)) {
    for (const finding of findings as Json[])
      finding.Id = `${String(finding.Id)}-${suffix}`;
  }
  copy.id = `bench-${suffix}`;
  return copy;
};

/**
 * `count` events cycling through the samples, each finding with a distinct
 * id, made one at a time so the benchmark's memory is the pipeline's, not
 * 10,000 events held at once.
 */
export function* syntheticEvents(
  samples: readonly Json[],
  count: number,
  prefix = 'n'
): Generator<Json> {
  for (let index = 0; index < count; index++) {
    yield withDistinctIds(
      samples[index % samples.length] as Json,
      `${prefix}${index}`
    );
  }
}
