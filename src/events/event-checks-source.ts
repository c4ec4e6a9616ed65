import { fileURLToPath } from 'node:url';
import { generateChecks } from './check-codegen.js';
import { EVENT_SCHEMAS } from './event-schemas.js';
import * as predicates from './predicates.js';

/** Where the generated checks live. */
export const EVENT_CHECKS_PATH = fileURLToPath(
  new URL('./event-checks.generated.ts', import.meta.url)
);

/** The source `event-checks.generated.ts` must hold. */
export const eventChecksSource = (): string =>
  generateChecks({
    schemas: EVENT_SCHEMAS,
    predicates,
    module: {
      table: 'EVENT_CHECKS',
      keyType: 'EventSchemaName',
      schemasFrom: './event-schemas.js',
      runtimeFrom: './check-runtime.js',
      predicatesFrom: './predicates.js',
    },
  });
