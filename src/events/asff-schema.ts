import * as z from 'zod';

import { hasUsableSeverity } from './predicates.js';

const stringMap = z.record(z.string(), z.string());
/** Security Hub exports numbers as strings in places (`"Normalized": "40"`). */
const numberLike = z.union([z.number(), z.string()]);

const AsffResourceSchema = z.looseObject({
  Type: z.string().min(1),
  Id: z.string().min(1),
  Partition: z.string().optional(),
  Region: z.string().optional(),
  Tags: stringMap.optional(),
  Details: z.record(z.string(), z.unknown()).optional(),
});

const AsffVulnerabilitySchema = z.looseObject({
  Id: z.string().min(1),
  VulnerablePackages: z
    .array(
      z.looseObject({
        Name: z.string().optional(),
        Version: z.string().optional(),
        FixedInVersion: z.string().optional(),
        PackageManager: z.string().optional(),
        FilePath: z.string().optional(),
        Remediation: z.string().optional(),
      })
    )
    .optional(),
  Cvss: z
    .array(
      z.looseObject({
        Version: z.string().optional(),
        BaseScore: numberLike.optional(),
        BaseVector: z.string().optional(),
        Source: z.string().optional(),
      })
    )
    .optional(),
  Vendor: z
    .looseObject({
      Name: z.string().optional(),
      Url: z.string().optional(),
      VendorSeverity: z.string().optional(),
    })
    .optional(),
  ReferenceUrls: z.array(z.string()).optional(),
  RelatedVulnerabilities: z.array(z.string()).optional(),
  FixAvailable: z.string().optional(),
  ExploitAvailable: z.string().optional(),
  EpssScore: numberLike.optional(),
  LastKnownExploitAt: z.string().optional(),
});

/**
 * One AWS Security Finding Format finding, from any product. The required
 * top-level attributes of ASFF are required here; everything else the
 * notifier reads is optional and typed, and unknown keys pass through.
 */
export const AsffFindingSchema = z.looseObject({
  SchemaVersion: z.string().optional(),
  Id: z.string().min(1),
  ProductArn: z.string().min(1),
  GeneratorId: z.string().min(1),
  AwsAccountId: z.string().min(1),
  Types: z.array(z.string()),
  CreatedAt: z.string().min(1),
  UpdatedAt: z.string().min(1),
  Severity: z
    .looseObject({
      Label: z.string().optional(),
      Normalized: numberLike.optional(),
      Original: z.string().optional(),
      Product: numberLike.optional(),
    })
    .refine(hasUsableSeverity, {
      message:
        'needs Label (INFORMATIONAL..CRITICAL), Normalized (0-100) or a numeric Original (0-10)',
    }),
  Title: z.string(),
  Description: z.string(),
  Resources: z.array(AsffResourceSchema).min(1),
  ProductName: z.string().optional(),
  CompanyName: z.string().optional(),
  Region: z.string().optional(),
  FirstObservedAt: z.string().optional(),
  LastObservedAt: z.string().optional(),
  SourceUrl: z.string().optional(),
  Remediation: z
    .looseObject({
      Recommendation: z
        .looseObject({
          Text: z.string().optional(),
          Url: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
  ProductFields: stringMap.optional(),
  Workflow: z.looseObject({ Status: z.string() }).optional(),
  /** Retired predecessor of `Workflow.Status`, still sent. */
  WorkflowState: z.string().optional(),
  FindingProviderFields: z
    .looseObject({
      Severity: z
        .looseObject({
          Label: z.string().optional(),
          Original: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
  RecordState: z.string().optional(),
  Compliance: z
    .looseObject({
      Status: z.string().optional(),
      SecurityControlId: z.string().optional(),
      AssociatedStandards: z
        .array(z.looseObject({ StandardsId: z.string() }))
        .optional(),
      RelatedRequirements: z.array(z.string()).optional(),
    })
    .optional(),
  Vulnerabilities: z.array(AsffVulnerabilitySchema).optional(),
});

/**
 * `detail` of a "Security Hub Findings - Imported" event: a non-empty list,
 * each finding validated on its own (`AsffFindingSchema`, `parseEach`).
 */
export const SecurityHubImportedDetailSchema = z.looseObject({
  findings: z.array(z.unknown()).min(1),
});

export type AsffFinding = z.infer<typeof AsffFindingSchema>;
export type AsffResource = z.infer<typeof AsffResourceSchema>;
export type AsffVulnerability = z.infer<typeof AsffVulnerabilitySchema>;
