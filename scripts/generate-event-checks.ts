import { writeFileSync } from 'node:fs';
import {
  EVENT_CHECKS_PATH,
  eventChecksSource,
} from '../src/events/event-checks-source.js';

// Writes src/events/event-checks.generated.ts from the event schemas.
writeFileSync(EVENT_CHECKS_PATH, eventChecksSource());
console.log(`wrote ${EVENT_CHECKS_PATH}`);
