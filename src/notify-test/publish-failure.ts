/** What went wrong publishing to a topic, and what to do about it. */
export type FailedPublish = {
  readonly topicArn: string;
  /** The Region of the SNS endpoint the call went to. */
  readonly clientRegion: string;
  /** The SDK error's name (`errorCode`), e.g. `AuthorizationError`. */
  readonly code: string;
  readonly message: string;
};

const ENABLE_CREDENTIALS =
  'set AWS_PROFILE to a profile of the account the topic is in (for IAM Identity Center: `aws sso login --profile NAME` first), or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN)';

const NO_CREDENTIALS = new Set([
  'CredentialsProviderError',
  'TokenProviderError',
]);
const EXPIRED = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
]);
const UNRECOGNISED = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
]);
const DENIED = new Set([
  'AuthorizationError',
  'AuthorizationErrorException',
  'AccessDenied',
  'AccessDeniedException',
]);
const KMS_DENIED = new Set(['KMSAccessDenied', 'KMSAccessDeniedException']);
const NOT_FOUND = new Set(['NotFound', 'NotFoundException']);
const UNREACHABLE = new Set([
  'TimeoutError',
  'RequestTimeout',
  'ENOTFOUND',
  'ECONNREFUSED',
  'ECONNRESET',
  'EAI_AGAIN',
  'NetworkingError',
]);

/**
 * One paragraph for a person who just ran `notify-test --send`: what the
 * failure means for this topic (named, with its account and Region) and
 * what to change — credentials, IAM, the topic's KMS key, the ARN, or the
 * Region.
 */
export const explainPublishFailure = (failure: FailedPublish): string => {
  const { topicArn, clientRegion, code, message } = failure;
  const [, , , region = '', account = ''] = topicArn.split(':');
  const said = `(${code}: ${message})`;
  if (NO_CREDENTIALS.has(code)) {
    return `no AWS credentials found ${said}: ${ENABLE_CREDENTIALS}.`;
  }
  if (EXPIRED.has(code)) {
    return `your AWS credentials have expired ${said}: sign in again (\`aws sso login\`) or refresh the keys, then retry.`;
  }
  if (UNRECOGNISED.has(code)) {
    return `SNS in ${clientRegion} does not accept your credentials ${said}: the keys are wrong or revoked, or ${clientRegion} is an opt-in Region not enabled for your account; ${ENABLE_CREDENTIALS}.`;
  }
  if (region !== clientRegion) {
    return `the topic is in ${region} but the call went to SNS in ${clientRegion} ${said}: SNS only publishes to topics in the Region it is called in; publish from ${region}.`;
  }
  if (KMS_DENIED.has(code)) {
    return `${topicArn} is encrypted with a KMS key you may not use ${said}: your identity needs kms:GenerateDataKey* and kms:Decrypt on the topic's key (allowed by the key policy too), as the function's role has.`;
  }
  if (code.startsWith('KMS')) {
    return `${topicArn} is encrypted with a KMS key SNS cannot use ${said}: check the topic's key (enabled, not pending deletion, in ${region}).`;
  }
  if (DENIED.has(code)) {
    return `you may not publish to ${topicArn} ${said}: your identity needs sns:Publish on this topic (IAM policy), and the topic's access policy must allow it (topics the stack created allow only the function's role: use existing topics, or test from that role). Check who you are with \`aws sts get-caller-identity\`.`;
  }
  if (NOT_FOUND.has(code)) {
    return `${topicArn} does not exist ${said}: there is no topic of that name in account ${account}, Region ${region}. Check the ARN in the config, that your credentials are for account ${account} (\`aws sts get-caller-identity\`), and that the stack that creates it was deployed.`;
  }
  if (UNREACHABLE.has(code)) {
    return `could not reach SNS in ${region} ${said}: check your network or proxy, and that ${region} is the Region in the ARN you meant.`;
  }
  return `SNS refused the message to ${topicArn} ${said}.`;
};
