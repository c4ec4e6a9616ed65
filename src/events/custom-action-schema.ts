import * as z from 'zod';
import { AsffFindingSchema } from './asff-schema.js';

/**
 * `detail` of a "Security Hub Findings - Custom Action" event: a person
 * selected findings in the Security Hub console and chose a custom action.
 * The action's ARN is the envelope's `resources[0]`.
 */
export const SecurityHubCustomActionDetailSchema = z.looseObject({
  actionName: z.string().min(1),
  actionDescription: z.string().optional(),
  findings: z.array(AsffFindingSchema).min(1),
});

export type SecurityHubCustomActionDetail = z.infer<
  typeof SecurityHubCustomActionDetailSchema
>;
