import * as z from 'zod';
import { isJsonNumber } from './predicates.js';

const stringMap = z.record(z.string(), z.string());

/** Any JSON number, Infinity included (`isJsonNumber`). */
const jsonNumber = z.custom<number>(isJsonNumber, 'expected number');

const CvssSchema = z.looseObject({
  baseScore: jsonNumber,
  scoringVector: z.string().optional(),
  source: z.string().optional(),
  version: z.string(),
});

const VulnerablePackageSchema = z.looseObject({
  name: z.string(),
  version: z.string().optional(),
  epoch: z.number().optional(),
  packageManager: z.string().optional(),
  fixedInVersion: z.string().optional(),
  remediation: z.string().optional(),
  filePath: z.string().optional(),
});

const ResourceSchema = z.looseObject({
  type: z.string().min(1),
  id: z.string().min(1),
  partition: z.string().optional(),
  region: z.string().optional(),
  tags: stringMap.optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/**
 * `detail` of an "Inspector2 Finding" event: the Inspector2 API `Finding`
 * shape. Unknown keys pass through so new Inspector fields do not reject
 * events; the fields the notifier reads are typed.
 */
export const Inspector2FindingSchema = z.looseObject({
  findingArn: z.string().min(1),
  awsAccountId: z.string().min(1),
  type: z.string().min(1),
  status: z.enum(['ACTIVE', 'SUPPRESSED', 'CLOSED']),
  severity: z.enum([
    'UNTRIAGED',
    'INFORMATIONAL',
    'LOW',
    'MEDIUM',
    'HIGH',
    'CRITICAL',
  ]),
  title: z.string().optional(),
  description: z.string().optional(),
  firstObservedAt: z.string().optional(),
  lastObservedAt: z.string().optional(),
  updatedAt: z.string().optional(),
  remediation: z
    .looseObject({
      recommendation: z
        .looseObject({
          text: z.string().optional(),
          Url: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
  resources: z.array(ResourceSchema).min(1),
  inspectorScore: jsonNumber.optional(),
  packageVulnerabilityDetails: z
    .looseObject({
      vulnerabilityId: z.string().min(1),
      source: z.string().optional(),
      sourceUrl: z.string().optional(),
      vendorSeverity: z.string().optional(),
      cvss: z.array(CvssSchema).optional(),
      referenceUrls: z.array(z.string()).optional(),
      relatedVulnerabilities: z.array(z.string()).optional(),
      vulnerablePackages: z.array(VulnerablePackageSchema).optional(),
    })
    .optional(),
  networkReachabilityDetails: z
    .looseObject({
      openPortRange: z.looseObject({ begin: jsonNumber, end: jsonNumber }),
      protocol: z.string(),
      networkPath: z
        .looseObject({
          steps: z
            .array(
              z.looseObject({
                componentId: z.string(),
                componentType: z.string(),
              })
            )
            .optional(),
        })
        .optional(),
    })
    .optional(),
  codeVulnerabilityDetails: z
    .looseObject({
      cwes: z.array(z.string()).optional(),
      detectorId: z.string().optional(),
      detectorName: z.string().optional(),
      ruleId: z.string().optional(),
      filePath: z
        .looseObject({
          fileName: z.string().optional(),
          filePath: z.string().optional(),
          startLine: jsonNumber.optional(),
          endLine: jsonNumber.optional(),
        })
        .optional(),
    })
    .optional(),
  fixAvailable: z.string().optional(),
  exploitAvailable: z.string().optional(),
  exploitabilityDetails: z
    .looseObject({ lastKnownExploitAt: z.string().optional() })
    .optional(),
  epss: z.looseObject({ score: jsonNumber }).optional(),
});

export type Inspector2Finding = z.infer<typeof Inspector2FindingSchema>;
export type Inspector2Resource = z.infer<typeof ResourceSchema>;
