/**
 * Prints every format of the findings in one event file, as published:
 * `npx tsx scripts/render-formats.ts events/inspector2/<file>.json [format]`.
 * Used to write docs/formats.md; no AWS calls.
 */
import { readFileSync } from 'node:fs';
import { parseEvent } from '../src/events/parse-event.js';
import { MESSAGE_FORMATS } from '../src/format/formats.js';
import {
  type RenderRoute,
  renderForRoute,
} from '../src/format/render-route.js';

const [file, only] = process.argv.slice(2);
if (!file) {
  console.error(
    'usage: render-formats <event.json> [chatbot|slack|text|per-protocol]'
  );
  process.exit(2);
}
const parsed = parseEvent(JSON.parse(readFileSync(file, 'utf8')));
if (parsed.kind !== 'findings') {
  console.error(`${parsed.kind}: ${parsed.reason}`);
  process.exit(1);
}
const routes: RenderRoute[] = [
  ...MESSAGE_FORMATS.map((format) => ({ name: 'example', format })),
  { name: 'example', format: 'chatbot', perProtocol: true },
];
for (const finding of parsed.findings) {
  for (const route of routes) {
    const label = route.perProtocol ? 'per-protocol' : route.format;
    if (only && only !== label) continue;
    const message = renderForRoute(route, finding, {
      route: route.name,
      variant: 'new',
    });
    const body =
      route.format === 'text' && !route.perProtocol
        ? message.body
        : JSON.stringify(JSON.parse(message.body), null, 2);
    console.log(`--- ${label}\nSubject: ${message.subject}\n${body}\n`);
  }
}
