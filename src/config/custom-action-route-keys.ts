import * as z from 'zod';

/** The route keys for custom actions. Spread into `RouteSchema`. */
export const CUSTOM_ACTION_ROUTE_KEYS = {
  /**
   * Findings shared with a custom action this route serves are posted even
   * when a suppression matches them. Absent means false.
   */
  customActionsIgnoreSuppressions: z.boolean().optional(),
} as const;
