import type { Channel } from '../events/channels.js';
import type { FindingSeverityLabel } from '../events/severity.js';

/** The finding kinds the notifier distinguishes across every source. */
export type FindingType =
  | 'PACKAGE_VULNERABILITY'
  | 'NETWORK_REACHABILITY'
  | 'CODE_VULNERABILITY'
  | 'SECURITY_CONTROL'
  | 'THREAT_DETECTION'
  | 'RESOURCE_ACCESS'
  | 'OTHER';

/** Where the computed score came from. */
export type ScoreSource =
  | 'inspectorScore'
  | 'cvss-v3'
  | 'cvss-v2'
  | 'asff-normalized'
  | 'asff-original';

/** Where the computed label came from. */
export type LabelSource = 'score' | 'provider-label';

export type Severity = {
  /** The label the notifier acts on. */
  readonly label: FindingSeverityLabel;
  readonly labelSource: LabelSource;
  /** 0–10, when the finding carries one. */
  readonly score?: number;
  readonly scoreSource?: ScoreSource;
  /** The provider's own label, kept beside the computed one. */
  readonly providerLabel?: string;
};

/**
 * Lifecycle across providers: OPEN needs attention, SUPPRESSED was hidden by a
 * rule or a person, RESOLVED was fixed, closed, archived or passed.
 */
export type Lifecycle = 'OPEN' | 'SUPPRESSED' | 'RESOLVED';

export type FindingStatus = {
  readonly lifecycle: Lifecycle;
  /** Inspector `status` (ACTIVE | SUPPRESSED | CLOSED) or `aws/inspector/FindingStatus`. */
  readonly provider?: string;
  /** Security Hub `Workflow.Status` (NEW | NOTIFIED | RESOLVED | SUPPRESSED). */
  readonly workflow?: string;
  /** Security Hub `RecordState` (ACTIVE | ARCHIVED). */
  readonly record?: string;
  /** Security Hub `Compliance.Status` (PASSED | WARNING | FAILED | NOT_AVAILABLE). */
  readonly compliance?: string;
};

export type Resource = {
  /** One vocabulary across sources, in ASFF's spelling (`AwsEc2Instance`). */
  readonly type: string;
  /** The type as the provider spelled it (`AWS_EC2_INSTANCE`). */
  readonly providerType: string;
  readonly id: string;
  /** How a person names it: instance Name tag, `repo:tag`, function name. */
  readonly name?: string;
  readonly partition?: string;
  readonly region?: string;
  readonly tags: Readonly<Record<string, string>>;
  /** Key facts as short strings (image id, platform, runtime, VPC, ...). */
  readonly details: Readonly<Record<string, string>>;
};

export type Cvss = {
  readonly version: string;
  readonly baseScore: number;
  readonly vector?: string;
  readonly source?: string;
};

export type VulnerablePackage = {
  readonly name: string;
  readonly version?: string;
  readonly fixedInVersion?: string;
  readonly packageManager?: string;
  readonly filePath?: string;
  readonly remediation?: string;
};

export type VulnerabilityFacts = {
  /** The primary id first (CVE-…, GHSA-…), then related ids. */
  readonly ids: readonly string[];
  readonly source?: string;
  readonly sourceUrl?: string;
  readonly vendorSeverity?: string;
  readonly cvss: readonly Cvss[];
  /** EPSS probability, 0–1. */
  readonly epss?: number;
  readonly exploitAvailable?: boolean;
  readonly lastKnownExploitAt?: string;
  readonly fixAvailable?: 'YES' | 'NO' | 'PARTIAL';
  readonly packages: readonly VulnerablePackage[];
  readonly referenceUrls: readonly string[];
};

export type NetworkFacts = {
  readonly portRange: { readonly begin: number; readonly end: number };
  readonly protocol: string;
  readonly path: readonly {
    readonly componentId: string;
    readonly componentType: string;
  }[];
};

export type CodeFacts = {
  readonly cwes: readonly string[];
  readonly detectorId?: string;
  readonly detectorName?: string;
  readonly ruleId?: string;
  readonly fileName?: string;
  readonly filePath?: string;
  readonly startLine?: number;
  readonly endLine?: number;
};

export type ComplianceFacts = {
  readonly status?: string;
  readonly controlId?: string;
  readonly standards: readonly string[];
  readonly relatedRequirements: readonly string[];
};

/**
 * One finding, whichever channel it came through. Built only by the
 * normalizers in `src/findings/from-*.ts`; everything downstream reads this.
 */
export type Finding = {
  /**
   * Stable identity: the Inspector finding ARN for Inspector findings, whether
   * they came directly or through Security Hub (ASFF `Id` is that ARN), so
   * both copies are recognised as one finding; else the ASFF `Id`.
   */
  readonly id: string;
  /** The event channel it arrived on. */
  readonly source: Channel;
  /** The product that produced it: `Inspector`, `GuardDuty`, `Security Hub`, ... */
  readonly product: string;
  /** The company behind the product (`Amazon`, or a partner). */
  readonly company: string;
  readonly productArn?: string;
  readonly generatorId?: string;
  readonly type: FindingType;
  /** ASFF `Types` (namespace/category/classifier); for Inspector2 the API type. */
  readonly types: readonly string[];
  readonly title: string;
  readonly description: string;
  readonly severity: Severity;
  readonly status: FindingStatus;
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  readonly resources: readonly Resource[];
  readonly vulnerability?: VulnerabilityFacts;
  readonly network?: NetworkFacts;
  readonly code?: CodeFacts;
  readonly compliance?: ComplianceFacts;
  readonly remediation?: { readonly text?: string; readonly url?: string };
  /** The provider's page for the finding (ASFF `SourceUrl`). */
  readonly sourceUrl?: string;
  /** ISO-8601 UTC. */
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  readonly updatedAt: string;
};
