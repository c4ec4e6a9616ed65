import * as z from 'zod';

/**
 * OCSF findings as the new AWS Security Hub sends them in "Findings
 * Imported V2" events (OCSF 1.1 to 1.8: Vulnerability 2002, Compliance
 * 2003, Detection 2004, Data Security 2006 and any other class). Only what
 * the notifier reads is typed; unknown keys pass through, and a field OCSF
 * lets a producer leave out is optional here too.
 */

/** OCSF timestamps are epoch milliseconds (with an ISO `_dt` twin). */
const epochMs = z.number();
const strings = z.array(z.string());

const KeyValueSchema = z.looseObject({
  name: z.string(),
  value: z.string().optional(),
});

const OcsfResourceSchema = z.looseObject({
  type: z.string().optional(),
  uid: z.string().optional(),
  uid_alt: z.string().optional(),
  name: z.string().optional(),
  region: z.string().optional(),
  cloud_partition: z.string().optional(),
  tags: z.array(KeyValueSchema).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  owner: z
    .looseObject({
      account: z.looseObject({ uid: z.string().optional() }).optional(),
    })
    .optional(),
});

const OcsfCvssSchema = z.looseObject({
  base_score: z.number(),
  version: z.string().optional(),
  vector_string: z.string().optional(),
  vendor_name: z.string().optional(),
  severity: z.string().optional(),
});

const OcsfPackageSchema = z.looseObject({
  name: z.string().optional(),
  version: z.string().optional(),
  release: z.string().optional(),
  fixed_in_version: z.string().optional(),
  package_manager: z.string().optional(),
  path: z.string().optional(),
  remediation: z.looseObject({ desc: z.string().optional() }).optional(),
});

/** EPSS arrives as a string (`"0.00198"`); a number is accepted too. */
const numberLike = z.union([z.number(), z.string()]);

const OcsfVulnerabilitySchema = z.looseObject({
  title: z.string().optional(),
  desc: z.string().optional(),
  severity: z.string().optional(),
  vendor_name: z.string().optional(),
  cve: z
    .looseObject({
      uid: z.string().optional(),
      desc: z.string().optional(),
      cvss: z.array(OcsfCvssSchema).optional(),
      epss: z.looseObject({ score: numberLike.optional() }).optional(),
    })
    .optional(),
  cwe: z
    .looseObject({
      uid: z.string().optional(),
      caption: z.string().optional(),
    })
    .optional(),
  /** OCSF 1.1+; OCSF 1.0 says `packages`. */
  affected_packages: z.array(OcsfPackageSchema).optional(),
  packages: z.array(OcsfPackageSchema).optional(),
  affected_code: z
    .array(
      z.looseObject({
        file: z
          .looseObject({
            name: z.string().optional(),
            path: z.string().optional(),
          })
          .optional(),
        start_line: z.number().optional(),
        end_line: z.number().optional(),
      })
    )
    .optional(),
  is_exploit_available: z.boolean().optional(),
  exploit_last_seen_time: epochMs.optional(),
  is_fix_available: z.boolean().optional(),
  /** OCSF 1.0's name of `is_fix_available`. */
  fix_available: z.boolean().optional(),
  fix_coverage: z.string().optional(),
  references: strings.optional(),
  related_vulnerabilities: strings.optional(),
});

export const OcsfFindingSchema = z.looseObject({
  class_uid: z.number().int(),
  class_name: z.string().optional(),
  activity_id: z.number().int().optional(),
  severity_id: z.number().int(),
  severity: z.string().optional(),
  status_id: z.number().int().optional(),
  status: z.string().optional(),
  time: epochMs.optional(),
  comment: z.string().optional(),
  count: z.number().optional(),
  finding_info: z.looseObject({
    uid: z.string().min(1),
    title: z.string().optional(),
    desc: z.string().optional(),
    types: strings.optional(),
    src_url: z.string().optional(),
    created_time: epochMs.optional(),
    first_seen_time: epochMs.optional(),
    last_seen_time: epochMs.optional(),
    modified_time: epochMs.optional(),
  }),
  metadata: z.looseObject({
    uid: z.string().optional(),
    version: z.string().optional(),
    product: z
      .looseObject({
        name: z.string().optional(),
        uid: z.string().optional(),
        vendor_name: z.string().optional(),
        feature: z.looseObject({ name: z.string().optional() }).optional(),
      })
      .optional(),
  }),
  cloud: z
    .looseObject({
      account: z.looseObject({ uid: z.string().optional() }).optional(),
      region: z.string().optional(),
      cloud_partition: z.string().optional(),
    })
    .optional(),
  resources: z.array(OcsfResourceSchema).optional(),
  vulnerabilities: z.array(OcsfVulnerabilitySchema).optional(),
  compliance: z
    .looseObject({
      control: z.string().optional(),
      status: z.string().optional(),
      status_id: z.number().int().optional(),
      standards: strings.optional(),
      requirements: strings.optional(),
    })
    .optional(),
  remediation: z
    .looseObject({
      desc: z.string().optional(),
      references: strings.optional(),
    })
    .optional(),
  vendor_attributes: z
    .looseObject({
      severity: z.string().optional(),
      severity_id: z.number().int().optional(),
    })
    .optional(),
});

/**
 * `detail` of a "Findings Imported V2" event. Each finding is checked on
 * its own (`OcsfFindingSchema`), so one malformed finding does not reject
 * the others.
 */
export const FindingsImportedV2DetailSchema = z.looseObject({
  findings: z.array(z.unknown()).min(1),
});

export type OcsfFinding = z.infer<typeof OcsfFindingSchema>;
export type OcsfResource = z.infer<typeof OcsfResourceSchema>;
export type OcsfVulnerability = z.infer<typeof OcsfVulnerabilitySchema>;
