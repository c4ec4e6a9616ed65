import { parseArn } from './arn.js';
import type { Resource } from './finding.js';
import { compact } from './values.js';

const AZURE_VM = /\/providers\/microsoft\.compute\/virtualmachines\/([^/]+)$/i;

/** Resource type and a short name from a bare id or ARN, as Inspector sends them in notices. */
const typeAndName = (
  id: string
): { type: string; providerType: string; name?: string } => {
  if (/^i-[0-9a-f]{8,17}$/.test(id)) {
    return { type: 'AwsEc2Instance', providerType: 'AWS_EC2_INSTANCE' };
  }
  if (/^ami-[0-9a-f]{8,17}$/.test(id)) {
    return { type: 'AwsEc2Image', providerType: 'MACHINE_IMAGE' };
  }
  const arn = parseArn(id);
  if (arn?.service === 'ecr' && arn.resource.startsWith('repository/')) {
    const name = arn.resource.slice('repository/'.length);
    return arn.resource.includes('/sha256:')
      ? {
          type: 'AwsEcrContainerImage',
          providerType: 'AWS_ECR_CONTAINER_IMAGE',
          name,
        }
      : { type: 'AwsEcrRepository', providerType: 'AWS_ECR_REPOSITORY', name };
  }
  if (arn?.service === 'lambda' && arn.resource.startsWith('function:')) {
    return {
      type: 'AwsLambdaFunction',
      providerType: 'AWS_LAMBDA_FUNCTION',
      name: arn.resource.split(':')[1],
    };
  }
  const azure = AZURE_VM.exec(id);
  if (azure) {
    return {
      type: 'AzureVirtualMachine',
      providerType: 'Microsoft.Compute/virtualMachines',
      name: azure[1],
    };
  }
  return { type: 'Other', providerType: 'UNKNOWN' };
};

/** The resource a coverage or scan notice is about. */
export const scannedResource = (
  id: string,
  context: {
    readonly partition: string;
    readonly region: string;
    readonly details?: Readonly<Record<string, string>>;
  }
): Resource =>
  compact({
    ...typeAndName(id),
    id,
    partition: parseArn(id)?.partition ?? context.partition,
    region: parseArn(id)?.region || context.region,
    tags: {},
    details: context.details ?? {},
  });

/** The partition of a region: `aws-cn` for `cn-*`, `aws-us-gov` for `us-gov-*`. */
export const partitionOfRegion = (region: string): string =>
  region.startsWith('cn-')
    ? 'aws-cn'
    : region.startsWith('us-gov-')
      ? 'aws-us-gov'
      : 'aws';
