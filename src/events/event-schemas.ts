import type { z } from 'zod';
import {
  AsffFindingSchema,
  SecurityHubImportedDetailSchema,
} from './asff-schema.js';
import { SecurityHubCustomActionDetailSchema } from './custom-action-schema.js';
import { EnvelopeSchema } from './envelope-schema.js';
import { Inspector2CoverageDetailSchema } from './inspector2-coverage-schema.js';
import {
  Inspector2OnDemandScanDetailSchema,
  Inspector2ScanDetailSchema,
} from './inspector2-scan-schema.js';
import { Inspector2FindingSchema } from './inspector2-schema.js';
import {
  FindingsImportedV2DetailSchema,
  OcsfFindingSchema,
} from './ocsf-schema.js';

/**
 * Every zod schema the function validates events with, by name. The
 * function checks valid input with the checks generated from these
 * (`event-checks.generated.ts`) and loads this module, and zod, only to say
 * why input failed (`event-schema-loader.ts`).
 */
export const EVENT_SCHEMAS = {
  envelope: EnvelopeSchema,
  inspector2Finding: Inspector2FindingSchema,
  securityHubImportedDetail: SecurityHubImportedDetailSchema,
  asffFinding: AsffFindingSchema,
  findingsImportedV2Detail: FindingsImportedV2DetailSchema,
  ocsfFinding: OcsfFindingSchema,
  inspector2CoverageDetail: Inspector2CoverageDetailSchema,
  inspector2ScanDetail: Inspector2ScanDetailSchema,
  inspector2OnDemandScanDetail: Inspector2OnDemandScanDetailSchema,
  securityHubCustomActionDetail: SecurityHubCustomActionDetailSchema,
} as const;

export type EventSchemas = typeof EVENT_SCHEMAS;
export type EventSchemaName = keyof EventSchemas;
/** What validating with the named schema gives. */
export type EventOutput<K extends EventSchemaName> = z.output<EventSchemas[K]>;
