import * as z from 'zod';

const count = z.number().int().min(0);

/** Counts by severity; Inspector lists only some labels, plus `TOTAL`. */
const SeverityCountsSchema = z.record(z.string(), count);

/**
 * `detail` of an "Inspector2 Scan" event: a resource's initial scan
 * completed, with its finding counts. The keys are hyphenated as published;
 * which resource key is present depends on the resource (`instance-id`,
 * `repository-name` + `image-digest`, `machine-image-id`, none for Lambda:
 * the envelope's `resources[0]` then names it).
 */
export const Inspector2ScanDetailSchema = z.looseObject({
  'scan-status': z.string().min(1),
  'finding-severity-counts': SeverityCountsSchema,
  'instance-id': z.string().optional(),
  'repository-name': z.string().optional(),
  'image-digest': z.string().optional(),
  'image-tags': z.array(z.string()).optional(),
  'machine-image-id': z.string().optional(),
});

/** `detail` of an "Inspector2 OnDemand Scan Complete" event. */
export const Inspector2OnDemandScanDetailSchema = z.looseObject({
  scanId: z.string().min(1),
  resourceId: z.string().min(1),
  resourceType: z.string().min(1),
  scanStatus: z.string().min(1),
  scanStatusReason: z.string().optional(),
  awsAccountId: z.string().optional(),
  startedAt: z.string().optional(),
  completedAt: z.string().optional(),
  findingSeverityCounts: SeverityCountsSchema.optional(),
});

export type Inspector2ScanDetail = z.infer<typeof Inspector2ScanDetailSchema>;
export type Inspector2OnDemandScanDetail = z.infer<
  typeof Inspector2OnDemandScanDetailSchema
>;
