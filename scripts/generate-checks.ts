import { writeFileSync } from 'node:fs';
import {
  EVENT_CHECKS_PATH,
  eventChecksSource,
} from '../src/events/event-checks-source.js';
import {
  RELAY_CHECKS_PATH,
  relayChecksSource,
} from '../src/slack-relay/relay-checks-source.js';

// Writes the checks generated from the zod schemas the functions validate
// input with: the notifier's events and the Slack relay's records.
for (const [path, source] of [
  [EVENT_CHECKS_PATH, eventChecksSource()],
  [RELAY_CHECKS_PATH, relayChecksSource()],
] as const) {
  writeFileSync(path, source);
  console.log(`wrote ${path}`);
}
