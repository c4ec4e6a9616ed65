import { Aws } from 'aws-cdk-lib';
import * as chatbot from 'aws-cdk-lib/aws-chatbot';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

/**
 * The Chatbot channel's guardrail: without one, AWS applies
 * AdministratorAccess as the guardrail of what channel members may do
 * through Chatbot. The notifier only posts notifications, which need no
 * permission, so the guardrail denies every action.
 */
export const CHAT_GUARDRAIL_STATEMENT = {
  Sid: 'NotificationsOnly',
  Effect: 'Deny',
  Action: '*',
  Resource: '*',
} as const;

/**
 * A Slack channel subscribed to the route topics: its own role (trusted by
 * Chatbot only from this account, `aws:SourceAccount`) with no permissions,
 * and a deny-all guardrail.
 */
export const slackChannel = (
  scope: Construct,
  slack: { readonly workspaceId: string; readonly channelId: string },
  topics: readonly sns.ITopic[]
): chatbot.SlackChannelConfiguration => {
  const role = new iam.Role(scope, 'ChatbotRole', {
    description:
      'AWS Chatbot channel role for findings-notifier (notifications only, no permissions)',
    assumedBy: new iam.ServicePrincipal('chatbot.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
    }),
  });
  const guardrail = new iam.ManagedPolicy(scope, 'ChatbotGuardrail', {
    description: 'findings-notifier Chatbot guardrail: notifications only',
    document: iam.PolicyDocument.fromJson({
      Version: '2012-10-17',
      Statement: [CHAT_GUARDRAIL_STATEMENT],
    }),
  });
  return new chatbot.SlackChannelConfiguration(scope, 'SlackChannel', {
    slackChannelConfigurationName: `findings-notifier-${slack.channelId}`,
    slackWorkspaceId: slack.workspaceId,
    slackChannelId: slack.channelId,
    notificationTopics: [...topics],
    loggingLevel: chatbot.LoggingLevel.ERROR,
    role,
    guardrailPolicies: [guardrail],
  });
};
