import { cloudFormationToAsff } from './cloudformation-types.js';

/**
 * Inspector2 resource types in ASFF's spelling, so one vocabulary serves
 * routes and formatters whichever channel a finding came through.
 */
const INSPECTOR_TO_ASFF = {
  AWS_EC2_INSTANCE: 'AwsEc2Instance',
  AWS_ECR_CONTAINER_IMAGE: 'AwsEcrContainerImage',
  AWS_ECR_REPOSITORY: 'AwsEcrRepository',
  AWS_LAMBDA_FUNCTION: 'AwsLambdaFunction',
  AWS_ACCOUNT: 'AwsAccount',
  MACHINE_IMAGE: 'AwsEc2Image',
  'Microsoft.Compute/virtualMachines': 'AzureVirtualMachine',
  'Microsoft.ContainerRegistry/registry/containerImage':
    'AzureContainerRegistryImage',
  'Microsoft.Web/sites': 'AzureFunctionApp',
} as const satisfies Record<string, string>;

/**
 * Canonical (ASFF) resource type for an Inspector2 type (`AWS_EC2_INSTANCE`)
 * or a CloudFormation-style type as the new Security Hub sends it
 * (`AWS::EC2::Instance`); ASFF and unknown types pass through.
 */
export const canonicalResourceType = (type: string): string =>
  Object.hasOwn(INSPECTOR_TO_ASFF, type)
    ? INSPECTOR_TO_ASFF[type as keyof typeof INSPECTOR_TO_ASFF]
    : cloudFormationToAsff(type);
