import { fileURLToPath } from 'node:url';
import { generateChecks } from '../events/check-codegen.js';
import { RELAY_SCHEMAS } from './relay-schemas.js';

/** Where the relay's generated checks live. */
export const RELAY_CHECKS_PATH = fileURLToPath(
  new URL('./relay-checks.generated.ts', import.meta.url)
);

/** The source `relay-checks.generated.ts` must hold. */
export const relayChecksSource = (): string =>
  generateChecks({
    schemas: RELAY_SCHEMAS,
    predicates: {},
    module: {
      table: 'RELAY_CHECKS',
      keyType: 'RelaySchemaName',
      schemasFrom: './relay-schemas.js',
      runtimeFrom: '../events/check-runtime.js',
      predicatesFrom: '../events/predicates.js',
    },
  });
