import * as z from 'zod';

/**
 * `detail` of an "Inspector2 Coverage" event: one resource's scan status
 * changed. The resource id is the envelope's `resources[0]`. Unknown keys
 * pass through; `reason` stays an open string so a reason Inspector adds
 * later is announced, not rejected.
 */
export const Inspector2CoverageDetailSchema = z.looseObject({
  scanStatus: z.looseObject({
    statusCodeValue: z.string().min(1),
    reason: z.string().min(1),
  }),
  scanType: z.string().min(1),
  provider: z.string().optional(),
  providerAccountId: z.string().optional(),
  providerRegion: z.string().optional(),
  eventTimestamp: z.string().optional(),
});

export type Inspector2CoverageDetail = z.infer<
  typeof Inspector2CoverageDetailSchema
>;
