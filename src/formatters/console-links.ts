import type { Finding, Resource } from '../findings/finding.js';
import { safeHttpsUrl } from './safe-url.js';

/** The AWS Management Console host for each partition. */
const CONSOLE_HOST = {
  aws: 'console.aws.amazon.com',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
  'aws-cn': 'console.amazonaws.cn',
} as const satisfies Record<string, string>;

type Partition = keyof typeof CONSOLE_HOST;

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const ACCOUNT = /^\d{12}$/;

const partitionOf = (region: string): Partition =>
  region.startsWith('us-gov-')
    ? 'aws-us-gov'
    : region.startsWith('cn-')
      ? 'aws-cn'
      : 'aws';

/**
 * Console base URL for a region, only when the region is well-formed and
 * belongs to the partition the finding says (an `aws-cn` finding never gets
 * a `console.aws.amazon.com` link).
 */
export const consoleBase = (
  partition: string | undefined,
  region: string | undefined
): string | undefined => {
  if (!region || !REGION.test(region)) return undefined;
  const expected = partitionOf(region);
  if (partition && partition !== expected) return undefined;
  return `https://${CONSOLE_HOST[expected]}`;
};

const INSPECTOR_FINDING_ARN =
  /^arn:(aws|aws-cn|aws-us-gov):inspector2:([a-z0-9-]+):(\d{12}):finding\/[A-Za-z0-9/_-]{1,200}$/;

// The console's search syntax: `findingArn=\operator\:EQUALS\:<arn>`, the
// backslash-escapes percent-encoded once more inside the fragment.
const consoleSearch = (field: string, value: string): string | undefined => {
  try {
    return `${field}%3D%255Coperator%255C%253AEQUALS%255C%253A${encodeURIComponent(
      encodeURIComponent(value)
    )}`;
  } catch {
    // A lone surrogate cannot be encoded: no link rather than a wrong one.
    return undefined;
  }
};

/** The finding in the Amazon Inspector console, for Inspector2 finding ARNs. */
export const inspectorFindingUrl = (finding: Finding): string | undefined => {
  const match = INSPECTOR_FINDING_ARN.exec(finding.id);
  if (!match) return undefined;
  const [, partition, region] = match;
  const base = consoleBase(partition, region);
  const search = consoleSearch('findingArn', finding.id);
  if (!base || !region || !search) return undefined;
  return safeHttpsUrl(
    `${base}/inspector/v2/home?region=${region}#/findings/all?search=${search}`
  );
};

/** The finding in the Security Hub console (findings that came through it). */
export const securityHubFindingUrl = (finding: Finding): string | undefined => {
  if (finding.source !== 'securityhub' || finding.id.length > 512) {
    return undefined;
  }
  const base = consoleBase(finding.partition, finding.region);
  const search = consoleSearch('Id', finding.id);
  if (!base || !search) return undefined;
  return safeHttpsUrl(
    `${base}/securityhub/home?region=${finding.region}#/findings?search=${search}`
  );
};

/**
 * The provider's own page for the finding (ASFF `SourceUrl`, e.g. the
 * GuardDuty or Access Analyzer console), only when it is on the console of
 * the finding's partition and names the finding's region.
 */
export const providerFindingUrl = (finding: Finding): string | undefined => {
  const base = consoleBase(finding.partition, finding.region);
  if (!base || !finding.sourceUrl) return undefined;
  const url = safeHttpsUrl(finding.sourceUrl, [new URL(base).hostname]);
  return url?.includes(`region=${finding.region}`) ? url : undefined;
};

/** AWS documentation, where ASFF `Remediation.Recommendation.Url` points. */
export const remediationUrl = (finding: Finding): string | undefined =>
  safeHttpsUrl(finding.remediation?.url, [
    'docs.aws.amazon.com',
    'docs.amazonaws.cn',
  ]);

const INSTANCE_ID = /(?:^|instance\/)(i-[0-9a-f]{8,17})$/;
const ECR_IMAGE_ARN =
  /^arn:[a-z-]+:ecr:[a-z0-9-]+:(\d{12}):repository\/([a-z0-9._/-]+?)(?:\/sha256:[0-9a-f]{64})?$/;
const ECR_REPOSITORY = /^[a-z0-9]+(?:[._/-][a-z0-9]+)*$/;
const FUNCTION_ARN =
  /^arn:[a-z-]+:lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]{1,64})(?::[$A-Za-z0-9_-]+)?$/;
const BUCKET_ARN = /^arn:[a-z-]+:s3:::([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$/;

/**
 * The resource's page in the console, for EC2 instances, ECR images
 * (their repository), Lambda functions and S3 buckets; built only from ids
 * that match their documented shape.
 */
export const resourceUrl = (
  resource: Resource,
  finding: Finding
): string | undefined => {
  const region = resource.region ?? finding.region;
  const base = consoleBase(resource.partition ?? finding.partition, region);
  if (!base) return undefined;
  const query = `region=${region}`;
  switch (resource.type) {
    case 'AwsEc2Instance': {
      const id = INSTANCE_ID.exec(resource.id)?.[1];
      return id
        ? `${base}/ec2/home?${query}#InstanceDetails:instanceId=${id}`
        : undefined;
    }
    case 'AwsEcrContainerImage': {
      // The image ARN names registry and repository; Inspector's details
      // say `repositoryName`/`registry`, ASFF's `RepositoryName`.
      const arn = ECR_IMAGE_ARN.exec(resource.id);
      const repository =
        arn?.[2] ??
        resource.details.repositoryName ??
        resource.details.RepositoryName;
      const registry =
        arn?.[1] ?? resource.details.registry ?? finding.accountId;
      return repository &&
        ECR_REPOSITORY.test(repository) &&
        repository.length <= 256 &&
        ACCOUNT.test(registry)
        ? `${base}/ecr/repositories/private/${registry}/${repository}?${query}`
        : undefined;
    }
    case 'AwsLambdaFunction': {
      const name = FUNCTION_ARN.exec(resource.id)?.[1];
      return name
        ? `${base}/lambda/home?${query}#/functions/${name}`
        : undefined;
    }
    case 'AwsS3Bucket': {
      const bucket = BUCKET_ARN.exec(resource.id)?.[1];
      return bucket ? `${base}/s3/buckets/${bucket}?${query}` : undefined;
    }
    default:
      return undefined;
  }
};
