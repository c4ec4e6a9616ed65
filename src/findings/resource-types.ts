import { cloudFormationToAsff } from './cloudformation-types.js';

/**
 * Resource types, one vocabulary in ASFF's spelling (`AwsEc2Instance`)
 * whichever channel a finding came through. Inspector2 (`AWS_EC2_INSTANCE`)
 * and CloudFormation / Security Hub OCSF (`AWS::EC2::Instance`) spellings are
 * translated, so routes and formatters see one name per type.
 */

/**
 * ASFF `Resources[].Type` values: the members of the ASFF `ResourceDetails`
 * object (test/unit/findings/resource-types.test.ts compares this list with
 * the Security Hub SDK's model), plus the types AWS products send without a
 * details object (`AwsAccount`) and the ones this notifier gives Inspector2's
 * machine images and Azure resources.
 */
export const ASFF_RESOURCE_TYPES = [
  'AwsAmazonMqBroker',
  'AwsApiGatewayRestApi',
  'AwsApiGatewayStage',
  'AwsApiGatewayV2Api',
  'AwsApiGatewayV2Stage',
  'AwsAppSyncGraphQlApi',
  'AwsAthenaWorkGroup',
  'AwsAutoScalingAutoScalingGroup',
  'AwsAutoScalingLaunchConfiguration',
  'AwsBackupBackupPlan',
  'AwsBackupBackupVault',
  'AwsBackupRecoveryPoint',
  'AwsCertificateManagerCertificate',
  'AwsCloudFormationStack',
  'AwsCloudFrontDistribution',
  'AwsCloudTrailTrail',
  'AwsCloudWatchAlarm',
  'AwsCodeBuildProject',
  'AwsDmsEndpoint',
  'AwsDmsReplicationInstance',
  'AwsDmsReplicationTask',
  'AwsDynamoDbTable',
  'AwsEc2ClientVpnEndpoint',
  'AwsEc2Eip',
  'AwsEc2Instance',
  'AwsEc2LaunchTemplate',
  'AwsEc2NetworkAcl',
  'AwsEc2NetworkInterface',
  'AwsEc2RouteTable',
  'AwsEc2SecurityGroup',
  'AwsEc2Subnet',
  'AwsEc2TransitGateway',
  'AwsEc2Volume',
  'AwsEc2Vpc',
  'AwsEc2VpcEndpointService',
  'AwsEc2VpcPeeringConnection',
  'AwsEc2VpnConnection',
  'AwsEcrContainerImage',
  'AwsEcrRepository',
  'AwsEcsCluster',
  'AwsEcsContainer',
  'AwsEcsService',
  'AwsEcsTask',
  'AwsEcsTaskDefinition',
  'AwsEfsAccessPoint',
  'AwsEksCluster',
  'AwsElasticBeanstalkEnvironment',
  'AwsElasticsearchDomain',
  'AwsElbLoadBalancer',
  'AwsElbv2LoadBalancer',
  'AwsEventSchemasRegistry',
  'AwsEventsEndpoint',
  'AwsEventsEventbus',
  'AwsGuardDutyDetector',
  'AwsIamAccessKey',
  'AwsIamGroup',
  'AwsIamPolicy',
  'AwsIamRole',
  'AwsIamUser',
  'AwsKinesisStream',
  'AwsKmsKey',
  'AwsLambdaFunction',
  'AwsLambdaLayerVersion',
  'AwsMskCluster',
  'AwsNetworkFirewallFirewall',
  'AwsNetworkFirewallFirewallPolicy',
  'AwsNetworkFirewallRuleGroup',
  'AwsOpenSearchServiceDomain',
  'AwsRdsDbCluster',
  'AwsRdsDbClusterSnapshot',
  'AwsRdsDbInstance',
  'AwsRdsDbSecurityGroup',
  'AwsRdsDbSnapshot',
  'AwsRdsEventSubscription',
  'AwsRedshiftCluster',
  'AwsRoute53HostedZone',
  'AwsS3AccessPoint',
  'AwsS3AccountPublicAccessBlock',
  'AwsS3Bucket',
  'AwsS3Object',
  'AwsSageMakerNotebookInstance',
  'AwsSecretsManagerSecret',
  'AwsSnsTopic',
  'AwsSqsQueue',
  'AwsSsmPatchCompliance',
  'AwsStepFunctionStateMachine',
  'AwsWafRateBasedRule',
  'AwsWafRegionalRateBasedRule',
  'AwsWafRegionalRule',
  'AwsWafRegionalRuleGroup',
  'AwsWafRegionalWebAcl',
  'AwsWafRule',
  'AwsWafRuleGroup',
  'AwsWafWebAcl',
  'AwsWafv2RuleGroup',
  'AwsWafv2WebAcl',
  'AwsXrayEncryptionConfig',
  'CodeRepository',
  'Container',
  'Other',
  // Sent without a details object, or given by this notifier:
  'AwsAccount',
  'AwsEc2Image',
  'AzureVirtualMachine',
  'AzureContainerRegistryImage',
  'AzureFunctionApp',
] as const;

/** Inspector2 resource types in ASFF's spelling. */
const INSPECTOR_TO_ASFF: Readonly<Record<string, string>> = {
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
};

/** CloudFormation names that do not fold onto the ASFF name by themselves. */
const CLOUDFORMATION_TO_ASFF: Readonly<Record<string, string>> = {
  'AWS::ElasticLoadBalancing::LoadBalancer': 'AwsElbLoadBalancer',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'AwsElbv2LoadBalancer',
  'AWS::StepFunctions::StateMachine': 'AwsStepFunctionStateMachine',
  'AWS::EC2::EIP': 'AwsEc2Eip',
};

/**
 * One key for every spelling of a type: `AwsEc2Instance`, `AWS_EC2_INSTANCE`,
 * `AWS::EC2::Instance` and `awsec2instance` all give `awsec2instance`.
 */
export const resourceTypeKey = (type: string): string =>
  type.replace(/[:_\s-]/g, '').toLowerCase();

const BY_KEY = new Map<string, string>([
  ...ASFF_RESOURCE_TYPES.map((type) => [resourceTypeKey(type), type] as const),
  ...Object.entries({ ...INSPECTOR_TO_ASFF, ...CLOUDFORMATION_TO_ASFF }).map(
    ([spelling, type]) => [resourceTypeKey(spelling), type] as const
  ),
]);

/** Every spelling accepted in a config, for "did you mean". */
export const RESOURCE_TYPE_SPELLINGS: readonly string[] = [
  ...ASFF_RESOURCE_TYPES,
  ...Object.keys(INSPECTOR_TO_ASFF),
  ...Object.keys(CLOUDFORMATION_TO_ASFF),
];

/** The ASFF name of a known type in any spelling, else `undefined`. */
export const knownResourceType = (type: string): string | undefined =>
  BY_KEY.get(resourceTypeKey(type));

/**
 * Canonical (ASFF) resource type for a provider's type in any spelling
 * (`AWS_EC2_INSTANCE`, `AWS::EC2::Instance`); an unknown CloudFormation-style
 * type is renamed by rule, and other unknown types pass through.
 */
export const canonicalResourceType = (type: string): string =>
  knownResourceType(type) ?? cloudFormationToAsff(type);
