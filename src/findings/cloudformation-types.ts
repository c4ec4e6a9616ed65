/**
 * ASFF resource type names for the CloudFormation-style types the new
 * Security Hub (OCSF) uses, where ASFF's name is not the mechanical one.
 */
const IRREGULAR: Readonly<Record<string, string>> = {
  'AWS::::Account': 'AwsAccount',
  'AWS::ElasticLoadBalancing::LoadBalancer': 'AwsElbLoadBalancer',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'AwsElbv2LoadBalancer',
  'AWS::Container::Container': 'Container',
  'AWS::Events::EventBus': 'AwsEventsEventbus',
  'AWS::WAFv2::WebACL': 'AwsWafv2WebAcl',
  'AWS::WAFv2::RuleGroup': 'AwsWafv2RuleGroup',
};

const CLOUDFORMATION_TYPE = /^AWS::([A-Za-z0-9]+)::([A-Za-z0-9]+)$/;

/**
 * One name part in ASFF's casing: an acronym run becomes a capitalised
 * word (`EC2` → `Ec2`, `DBInstance` → `DbInstance`, `DynamoDB` →
 * `DynamoDb`), everything else is kept (`CloudTrail`, `SecretsManager`).
 */
const asffCase = (part: string): string =>
  part.replace(
    /[A-Z0-9]{2,}(?=[A-Z][a-z]|$)/g,
    (run) => `${run[0]}${run.slice(1).toLowerCase()}`
  );

/**
 * The ASFF name of a CloudFormation-style type (`AWS::EC2::Instance` →
 * `AwsEc2Instance`, `AWS::RDS::DBInstance` → `AwsRdsDbInstance`), so
 * `resourceType` conditions written with ASFF names match V2 findings.
 * Anything else (already ASFF, or another cloud's type) passes through.
 */
export const cloudFormationToAsff = (type: string): string => {
  const irregular = IRREGULAR[type];
  if (irregular) return irregular;
  const match = CLOUDFORMATION_TYPE.exec(type);
  if (!match) return type;
  const [, service = '', name = ''] = match;
  return `Aws${asffCase(service)}${asffCase(name)}`;
};
