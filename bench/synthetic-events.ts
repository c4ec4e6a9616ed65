import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEvent } from '../src/event-kinds/parse-event.js';

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

/** The sample events (copies of the corpus) that yield findings. */
export const handledSampleEvents = (root = 'events'): Json[] =>
  jsonFiles(root)
    .flatMap((file) => {
      const document: unknown = JSON.parse(readFileSync(file, 'utf8'));
      return Array.isArray(document) ? document : [document];
    })
    .filter((event) => parseEvent(event).kind === 'findings') as Json[];

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
