import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AsffFinding } from '../../src/events/asff-schema.js';
import type { Inspector2Finding } from '../../src/events/inspector2-schema.js';

/** The repository root (this file is `test/helpers/events.ts`). */
export const REPO_ROOT = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../..'
);

/** The shared sample events, `events/` at the repository root. */
export const EVENTS_DIR = join(REPO_ROOT, 'events');

export const readJson = (file: string): unknown =>
  JSON.parse(readFileSync(file, 'utf8'));

/** An EventBridge event whose `detail` is an Inspector2 finding. */
export type Inspector2Event = Record<string, unknown> & {
  region?: string;
  time?: string;
  detail: Inspector2Finding;
};

/** A "Security Hub Findings - Imported" event. */
export type SecurityHubEvent = Record<string, unknown> & {
  region?: string;
  time?: string;
  detail: { findings: AsffFinding[] };
};

/**
 * Loads `events/<folder>/<name>.json`, after Powertools' `getTestEvent`.
 * Each call reads the file again, so callers may mutate what they get.
 */
export const getTestEvent = <T = Record<string, unknown>>(
  folder: string,
  name: string
): T => readJson(join(EVENTS_DIR, folder, `${name}.json`)) as T;

export const anInspector2Event = (name: string): Inspector2Event =>
  getTestEvent<Inspector2Event>('inspector2', name);

export const aSecurityHubEvent = (name: string): SecurityHubEvent =>
  getTestEvent<SecurityHubEvent>('securityhub', name);
