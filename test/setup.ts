import 'aws-sdk-client-mock-vitest/extend';
import { loadEventSchemas } from '../src/events/event-schema-loader.js';

// Tests parse invalid events synchronously (`parseEvent`), which needs the
// zod schemas to say why. The function loads them the first time an event
// is invalid: test/unit/events/event-schema-loader.test.ts covers that.
await loadEventSchemas();
