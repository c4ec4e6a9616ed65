/**
 * Prints every format of the findings in one event file, as published:
 * `npx tsx scripts/render-formats.ts events/inspector2/<file>.json [format]`.
 * Used to write docs/formats.md; no AWS calls.
 */
import { readFileSync } from 'node:fs';
import { MESSAGE_FORMATS } from '../src/config/message-formats.js';
import { parseEvent } from '../src/event-kinds/parse-event.js';
import {
  type RenderRoute,
  renderForRoute,
} from '../src/formatters/render-route.js';
import { decodeFile, parseJsonFile } from '../src/replay/decode-file.js';
import { eventsOf } from '../src/replay/wrap.js';

const [file, only, variant = 'new'] = process.argv.slice(2);
const VARIANTS = ['new', 'escalated', 'resolved', 'reminder'] as const;
const isVariant = (value: string): value is (typeof VARIANTS)[number] =>
  (VARIANTS as readonly string[]).includes(value);
const LABELS = [...MESSAGE_FORMATS, 'per-protocol'];
const USAGE = `usage: render-formats <event.json> [${LABELS.join('|')}] [${VARIANTS.join('|')}]`;
// Typed so the calls below narrow (a `never` arrow must be annotated).
const fail: (message: string) => never = (message) => {
  console.error(`render-formats: ${message}\n${USAGE}`);
  process.exit(2);
};
if (!file) fail('name an event file');
if (!isVariant(variant))
  fail(`unknown variant "${variant}"; expected one of ${VARIANTS.join(', ')}`);
if (only !== undefined && !LABELS.includes(only))
  fail(`unknown format "${only}"; expected one of ${LABELS.join(', ')}`);
const read = (path: string): unknown[] => {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return fail(`cannot read ${path}: ${(error as Error).message}`);
  }
  const parsed = parseJsonFile(path, decodeFile(bytes));
  return parsed.ok ? [...parsed.documents] : fail(`${path}: ${parsed.error}`);
};
// Files may hold one event, an array of events, or API listings (as replay reads them).
const findings = read(file)
  .flatMap((document) => eventsOf(document))
  .flatMap(({ event }) => {
    const parsed = parseEvent(event);
    if (parsed.kind === 'findings') return parsed.findings;
    console.error(`${parsed.kind}: ${parsed.reason}`);
    return [];
  });
if (findings.length === 0) fail(`${file}: no finding to render`);
const routes: RenderRoute[] = [
  ...MESSAGE_FORMATS.map((format) => ({ name: 'example', format })),
  { name: 'example', format: 'chatbot', perProtocol: true },
];
for (const finding of findings) {
  for (const route of routes) {
    const label = route.perProtocol ? 'per-protocol' : route.format;
    if (only && only !== label) continue;
    const message = renderForRoute(route, finding, {
      route: route.name,
      variant,
      // Escalations show the severity announced before; MEDIUM for the example.
      ...(variant === 'escalated'
        ? { previousSeverity: 'MEDIUM' as const }
        : {}),
    });
    const body =
      route.format === 'text' && !route.perProtocol
        ? message.body
        : JSON.stringify(JSON.parse(message.body), null, 2);
    console.log(`--- ${label}\nSubject: ${message.subject}\n${body}\n`);
  }
}
