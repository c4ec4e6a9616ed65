import * as z from 'zod';
import { CHANNELS } from '../events/channels.js';
import { SEVERITY_LABELS, severityRank } from '../events/severity.js';
import { STATUS_VALUES } from '../findings/vocabulary.js';
import { IDENTIFIER_CONDITIONS } from './identifier-schema.js';
import { NOTICE_CONDITION_KEYS } from './notice-condition-keys.js';
import { checked, glob, listOf } from './schema-helpers.js';
import {
  closedWord,
  findingType,
  product,
  resourceType,
  upperCased,
} from './vocabulary-values.js';

const LABELS = [...SEVERITY_LABELS, 'UNTRIAGED'] as const;
const label = upperCased(z.enum(LABELS));

const ordered =
  <T>(rank: (value: T) => number) =>
  (range: { min?: T; max?: T }) =>
    range.min === undefined ||
    range.max === undefined ||
    rank(range.min) <= rank(range.max);

const CONTRADICTION = 'min is above max: no finding could match';

/** `severity: HIGH`, `severity: [HIGH, CRITICAL]` or `severity: { min: HIGH }`. */
const severity = z.preprocess(
  (value) =>
    typeof value === 'string' || Array.isArray(value) ? { in: value } : value,
  z
    .strictObject({
      min: label.optional(),
      max: label.optional(),
      in: listOf(label).optional(),
    })
    .refine(
      (range) => Object.keys(range).length > 0,
      'set min, max or a list of labels'
    )
    .refine(
      ordered((value: (typeof LABELS)[number]) => severityRank[value]),
      CONTRADICTION
    )
);

const SCORE_HINT = 'a score is between 0 and 10 (CVSS)';

const score = z
  .strictObject({
    min: z.number().min(0, SCORE_HINT).max(10, SCORE_HINT).optional(),
    max: z.number().min(0, SCORE_HINT).max(10, SCORE_HINT).optional(),
  })
  .refine(
    (range) => range.min !== undefined || range.max !== undefined,
    'set min, max or both'
  )
  .refine(
    ordered((value: number) => value),
    CONTRADICTION
  );

const EPSS_HINT = 'EPSS is a probability between 0 and 1: write 0.1 for 10 %';

const PORT_HINT =
  'expected a port (22) or a range ("8000-8999") within 0-65535';

/** A port or an inclusive range, as `{ begin, end }`. */
const port = checked(
  (value): { begin: number; end: number } | { error: string } => {
    if (
      typeof value === 'number' &&
      Number.isInteger(value) &&
      value >= 0 &&
      value <= 65_535
    ) {
      return { begin: value, end: value };
    }
    const match =
      typeof value === 'string' ? /^(\d{1,5})-(\d{1,5})$/.exec(value) : null;
    const begin = Number(match?.[1]);
    const end = Number(match?.[2]);
    if (!match || end > 65_535) return { error: PORT_HINT };
    if (begin > end)
      return { error: `port range "${String(value)}" runs from high to low` };
    return { begin, end };
  }
);

/** A tag test: `true` present, `false` absent, or a value glob. */
const tagTest = checked((value): boolean | string | { error: string } =>
  typeof value === 'boolean' ||
  (typeof value === 'string' && value.length > 0 && value.length <= 256)
    ? value
    : {
        error:
          'expected true (key present), false (key absent) or a value pattern',
      }
);

/**
 * One condition: every key given must hold (AND); a list under a key matches
 * any of its values (OR). Compiled once into a predicate by
 * `src/routing/compile-condition.ts`.
 */
export const ConditionSchema = z
  .strictObject({
    /** A minimum/maximum label (`{ min: HIGH }`) or a list of labels. */
    severity: severity.optional(),
    /** Score range on 0–10 (findings without a score never match). */
    score: score.optional(),
    /** Product names (`Inspector`, `GuardDuty`, `Security Hub`), globs, case-insensitive; `Amazon Inspector` is `Inspector`. */
    product: listOf(product).optional(),
    /** Event channel: `inspector2` (direct) or `securityhub` (ASFF). */
    source: listOf(closedWord('a source', CHANNELS)).optional(),
    /** Finding kinds (`PACKAGE_VULNERABILITY`, ...) or ASFF `Types` prefixes (`TTPs/`), case-insensitive. */
    type: listOf(findingType).optional(),
    /** Resource types in ASFF (`AwsEc2Instance`), Inspector (`AWS_EC2_INSTANCE`) or CloudFormation (`AWS::EC2::Instance`) spelling, case-insensitive. */
    resourceType: listOf(resourceType).optional(),
    account: listOf(
      z.string().regex(/^\d{12}$/, 'expected a 12-digit AWS account id')
    ).optional(),
    region: listOf(
      z
        .string()
        .regex(
          /^[a-z]{2}(-[a-z]+)+-\d$/,
          'expected an AWS region such as eu-west-1'
        )
    ).optional(),
    status: z
      .strictObject({
        lifecycle: listOf(
          closedWord('a lifecycle', STATUS_VALUES.lifecycle)
        ).optional(),
        provider: listOf(
          closedWord('an Inspector status', STATUS_VALUES.provider)
        ).optional(),
        workflow: listOf(
          closedWord('a workflow status', STATUS_VALUES.workflow)
        ).optional(),
        record: listOf(
          closedWord('a record state', STATUS_VALUES.record)
        ).optional(),
        compliance: listOf(
          closedWord('a compliance status', STATUS_VALUES.compliance)
        ).optional(),
      })
      .optional(),
    /**
     * Resource tags: `key: true` (present), `key: false` (absent), or
     * `key: value-glob`. A finding matches when one resource satisfies all.
     */
    tags: z
      .record(z.string().min(1), tagTest)
      .refine((tags) => Object.keys(tags).length > 0, 'list at least one tag')
      .optional(),
    /** Vulnerability ids, globs (`CVE-2024-*`, `GHSA-*`). */
    vulnerabilityIds: listOf(glob).optional(),
    /** `true`: a fix exists (YES or PARTIAL); `false`: no fix (NO). */
    fixAvailable: z.boolean().optional(),
    exploitAvailable: z.boolean().optional(),
    /** Minimum EPSS probability, 0–1. */
    epssMin: z.number().min(0, EPSS_HINT).max(1, EPSS_HINT).optional(),
    /** Open ports or ranges; matches when the finding's open range overlaps one. */
    ports: listOf(port).optional(),
    protocol: listOf(closedWord('a protocol', ['TCP', 'UDP'])).optional(),
    /** Title patterns, globs, case-insensitive. */
    title: listOf(glob).optional(),
    ...NOTICE_CONDITION_KEYS,
    ...IDENTIFIER_CONDITIONS,
  })
  .refine((condition) => Object.keys(condition).length > 0, {
    message:
      'an empty condition would match every finding; list at least one key',
  });

export type Condition = z.output<typeof ConditionSchema>;
