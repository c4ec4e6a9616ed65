import { glob, listOf } from './schema-helpers.js';

/**
 * Conditions on what a finding is about, by name: globs (`*`, `?`),
 * case-insensitive, any of the list matching. "Mute control EC2.8 in the
 * sandbox account" is `controlId: EC2.8` + `account`; "suppress CVE-X on
 * repository Y" is `vulnerabilityIds` + `ecrRepository`.
 */
export const IDENTIFIER_CONDITIONS = {
  /** A resource's id or ARN, or its name (instance Name tag, function name, `repo:tag`). */
  resource: listOf(glob).optional(),
  /** The ECR repository of a container image or repository finding. */
  ecrRepository: listOf(glob).optional(),
  /** A vulnerable package's name (`openssl`, `flask`). */
  packageName: listOf(glob).optional(),
  /** The Security Hub control id (`EC2.8`, `S3.1`, `CIS 1.4`). */
  controlId: listOf(glob).optional(),
  /** The ASFF `GeneratorId` (a rule, detector or standard control). */
  generatorId: listOf(glob).optional(),
};
