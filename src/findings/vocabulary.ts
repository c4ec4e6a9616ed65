import type { FindingStatus, FindingType } from './finding.js';

/**
 * The closed vocabularies the normalizers produce, which a config's
 * conditions are checked against: a value no finding can carry would make a
 * route silently never match. test/unit/findings/vocabulary.test.ts checks
 * each list against its type, so a finding type or status added to
 * `finding.ts` fails the typecheck until it is listed here.
 */
export const FINDING_TYPES = [
  'PACKAGE_VULNERABILITY',
  'NETWORK_REACHABILITY',
  'CODE_VULNERABILITY',
  'SECURITY_CONTROL',
  'THREAT_DETECTION',
  'RESOURCE_ACCESS',
  'SENSITIVE_DATA',
  'COVERAGE',
  'SCAN_SUMMARY',
  'OTHER',
] as const satisfies readonly FindingType[];

/** ASFF `Types` namespaces (`namespace/category/classifier`). */
export const ASFF_TYPE_NAMESPACES = [
  'Software and Configuration Checks',
  'TTPs',
  'Effects',
  'Unusual Behaviors',
  'Sensitive Data Identifications',
] as const;

/** The values each status facet takes. */
export const STATUS_VALUES = {
  lifecycle: ['OPEN', 'SUPPRESSED', 'RESOLVED'],
  provider: ['ACTIVE', 'SUPPRESSED', 'CLOSED'],
  workflow: ['NEW', 'NOTIFIED', 'RESOLVED', 'SUPPRESSED'],
  record: ['ACTIVE', 'ARCHIVED'],
  compliance: ['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE'],
} as const satisfies Record<keyof FindingStatus, readonly string[]>;
