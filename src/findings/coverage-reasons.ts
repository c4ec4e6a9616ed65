/**
 * Inspector's scan status reasons (`ScanStatus.reason`, Inspector2 API
 * reference) with what each means and what a person can do about it. The
 * config validates `coverage.reason` against these keys.
 */
export const COVERAGE_REASONS = {
  PENDING_INITIAL_SCAN: {
    means: 'identified for scanning; results follow soon',
    fix: 'Nothing to do: Inspector scans it shortly.',
  },
  ACCESS_DENIED: {
    means: 'a resource access policy keeps Inspector out',
    fix: "Update the resource's IAM or access policy so Amazon Inspector may read it.",
  },
  ACCESS_DENIED_TO_ENCRYPTION_KEY: {
    means: "the KMS key policy does not let Inspector use the resource's key",
    fix: 'Allow Amazon Inspector in the KMS key policy.',
  },
  INTERNAL_ERROR: {
    means: 'Inspector hit an internal error for this resource',
    fix: 'Nothing to do: Inspector resolves it and resumes scanning.',
  },
  UNMANAGED_EC2_INSTANCE: {
    means: 'the instance is not managed by AWS Systems Manager (SSM)',
    fix: 'Install or repair the SSM agent and its instance profile (runbook AWSSupport-TroubleshootManagedInstance); Inspector scans the instance once SSM manages it.',
  },
  UNSUPPORTED_OS: {
    means: 'Inspector does not support its OS, architecture or image manifest',
    fix: "Move to a supported OS or image (see Inspector's supported operating systems).",
  },
  SCAN_ELIGIBILITY_EXPIRED: {
    means: 'the configured scan duration for this image lapsed',
    fix: 'Raise the ECR re-scan duration, or push or pull the image again if it is still in use.',
  },
  RESOURCE_TERMINATED: {
    means: 'the resource was terminated; its findings are being cleaned up',
    fix: 'Nothing to do if the termination was intended.',
  },
  SUCCESSFUL: {
    means: 'the resource is scanned',
    fix: 'Nothing to do.',
  },
  NO_RESOURCES_FOUND: {
    means: 'no resources were found (reserved by Inspector)',
    fix: 'Nothing to do.',
  },
  IMAGE_SIZE_EXCEEDED: {
    means: 'the image is too large to scan (reserved by Inspector)',
    fix: 'Reduce the image size.',
  },
  SCAN_FREQUENCY_MANUAL: {
    means: 'the repository is set to manual scanning',
    fix: 'Set the ECR repository to continuous or on-push scanning.',
  },
  SCAN_FREQUENCY_SCAN_ON_PUSH: {
    means: 'the repository is scanned on push only',
    fix: 'Set the ECR repository to continuous scanning to be warned of new CVEs.',
  },
  EC2_INSTANCE_STOPPED: {
    means: 'the instance is stopped',
    fix: 'Nothing to do while it is stopped; Inspector scans it when it runs.',
  },
  PENDING_DISABLE: {
    means: 'Inspector scanning is being turned off for it',
    fix: 'Turn the scan type back on if the resource should stay scanned.',
  },
  NO_INVENTORY: {
    means: 'Inspector found no package inventory for the instance',
    fix: 'Check that the SSM agent runs and the Inspector SSM association exists.',
  },
  STALE_INVENTORY: {
    means: 'the package inventory is older than Inspector accepts',
    fix: 'Check the SSM agent and the Inspector inventory association on the instance.',
  },
  EXCLUDED_BY_TAG: {
    means:
      'the resource carries an Inspector exclusion tag (InspectorEc2Exclusion)',
    fix: 'Remove the exclusion tag if the resource should be scanned.',
  },
  UNSUPPORTED_RUNTIME: {
    means: 'Inspector does not support the function runtime',
    fix: 'Move the function to a supported runtime.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    means: 'Inspector does not support the image media type',
    fix: 'Build the image with a supported manifest media type.',
  },
  UNSUPPORTED_CONFIG_FILE: {
    means: 'Inspector does not support the configuration file',
    fix: "See Inspector's supported file types.",
  },
  DEEP_INSPECTION_PACKAGE_COLLECTION_LIMIT_EXCEEDED: {
    means: 'the instance has more than 5,000 packages for deep inspection',
    fix: 'Narrow the deep inspection custom paths for the account.',
  },
  DEEP_INSPECTION_DAILY_SSM_INVENTORY_LIMIT_EXCEEDED: {
    means: "SSM's daily inventory quota for the instance is used up",
    fix: 'Nothing to do now: inventory resumes the next day; reduce inventory volume if it repeats.',
  },
  DEEP_INSPECTION_COLLECTION_TIME_LIMIT_EXCEEDED: {
    means: 'collecting the package inventory took over 15 minutes',
    fix: 'Narrow the deep inspection custom paths for the account.',
  },
  DEEP_INSPECTION_NO_INVENTORY: {
    means: 'the Inspector plugin has not collected an inventory yet',
    fix: 'If it persists after 6 hours, check the Inspector SSM associations on the instance.',
  },
  AGENTLESS_INSTANCE_STORAGE_LIMIT_EXCEEDED: {
    means: 'the instance storage is too large for agentless scanning',
    fix: 'Install the SSM agent so Inspector scans it agent-based.',
  },
  AGENTLESS_INSTANCE_COLLECTION_TIME_LIMIT_EXCEEDED: {
    means: 'agentless collection took too long',
    fix: 'Install the SSM agent so Inspector scans it agent-based.',
  },
  PENDING_REVIVAL_SCAN: {
    means: 'the resource is waiting for a revival scan',
    fix: 'Nothing to do: Inspector scans it shortly.',
  },
  INTEGRATION_CONNECTION_LOST: {
    means: 'Inspector lost its connection to the integration',
    fix: 'Reconnect the integration in the Inspector console.',
  },
  UNSUPPORTED_LANGUAGE: {
    means: 'Inspector does not support the language',
    fix: "See Inspector's supported languages.",
  },
  NO_SCAN_CONFIGURATION_ASSOCIATED: {
    means: 'no scan configuration is associated with the resource',
    fix: 'Associate a scan configuration with the resource.',
  },
  SCAN_IN_PROGRESS: {
    means: 'a scan is in progress',
    fix: 'Nothing to do.',
  },
  IMAGE_ARCHIVED: {
    means: 'the image was archived',
    fix: 'Nothing to do if the archive was intended.',
  },
  UNSUPPORTED_CODE_ARTIFACTS: {
    means: 'Inspector does not support the code artifacts',
    fix: "See Inspector's supported artifacts.",
  },
  RESOURCE_UNMANAGED: {
    means: 'the resource is not managed',
    fix: 'Bring the resource under management so Inspector can scan it.',
  },
  RESOURCE_STOPPED: {
    means: 'the resource is stopped',
    fix: 'Nothing to do while it is stopped.',
  },
} as const satisfies Record<string, { means: string; fix: string }>;

export type CoverageReason = keyof typeof COVERAGE_REASONS;

export const COVERAGE_REASON_NAMES = Object.keys(
  COVERAGE_REASONS
) as CoverageReason[];

/** What a reason means and what to do; a reason Inspector adds later is named as is. */
export const coverageReason = (
  reason: string
): { means: string; fix?: string } =>
  Object.hasOwn(COVERAGE_REASONS, reason)
    ? COVERAGE_REASONS[reason as CoverageReason]
    : { means: `Inspector reports ${reason}` };
