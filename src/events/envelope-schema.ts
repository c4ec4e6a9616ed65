import * as z from 'zod';

/**
 * The EventBridge envelope. Only what dispatch needs is required: published
 * samples (on-demand AMI scan findings) omit `id`, `account` and `time`.
 */
export const EnvelopeSchema = z.looseObject({
  version: z.string().optional(),
  id: z.string().min(1).optional(),
  'detail-type': z.string().min(1),
  source: z.string().min(1),
  account: z.string().optional(),
  time: z.string().optional(),
  region: z.string().optional(),
  resources: z.array(z.string()).optional(),
  detail: z.record(z.string(), z.unknown()),
});

export type Envelope = z.infer<typeof EnvelopeSchema>;
