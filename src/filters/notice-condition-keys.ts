import * as z from 'zod';
import { COVERAGE_REASON_NAMES } from '../findings/coverage-reasons.js';
import { ITEM_KINDS } from '../findings/notice.js';
import { glob, listOf } from './schema-helpers.js';

/**
 * The condition keys for what is not a finding: notices about scanning and
 * findings a person shared. Spread into `ConditionSchema`. A condition that
 * names none of them matches findings only, so configs written before
 * these kinds existed keep their behaviour.
 */
export const NOTICE_CONDITION_KEYS = {
  /**
   * Item kinds: `finding` (the default), `coverage` (Inspector2 Coverage),
   * `scan` (scan summaries), `custom-action` (Security Hub custom actions).
   */
  kind: listOf(z.enum(ITEM_KINDS)).optional(),
  /** Coverage notices by status, reason and scan type; implies `kind: coverage`. */
  coverage: z
    .strictObject({
      /** `INACTIVE` opens a blind spot, `ACTIVE` closes one. */
      status: listOf(z.enum(['ACTIVE', 'INACTIVE'])).optional(),
      /** Inspector's scan status reasons (`UNMANAGED_EC2_INSTANCE`, ...). */
      reason: listOf(z.enum(COVERAGE_REASON_NAMES)).optional(),
      scanType: listOf(z.enum(['PACKAGE', 'NETWORK', 'CODE'])).optional(),
    })
    .refine(
      (coverage) => Object.keys(coverage).length > 0,
      'list status, reason or scanType (or use kind: coverage)'
    )
    .optional(),
  /**
   * Security Hub custom actions this route serves, by action name, id or
   * ARN (globs); implies `kind: custom-action`.
   */
  customAction: listOf(glob).optional(),
} as const;
