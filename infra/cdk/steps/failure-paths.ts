import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** A queue that keeps failed events for 14 days, encrypted, TLS only. */
export const failedEventsQueue = (scope: Construct, id: string): sqs.Queue =>
  new sqs.Queue(scope, id, {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });

/** An alarm on the first message in a queue that holds failed events. */
export const queueAlarm = (
  scope: Construct,
  id: string,
  queue: sqs.IQueue,
  description: string
): cloudwatch.Alarm =>
  new cloudwatch.Alarm(scope, id, {
    alarmDescription: `findings-notifier: ${description}`,
    metric: queue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(5),
      statistic: 'Maximum',
    }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator:
      cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });

/** Makes the alarms notify a topic, when one is given. */
export const notifyAlarms = (
  scope: Construct,
  alarms: readonly cloudwatch.Alarm[],
  alarmTopicArn: string | undefined
): void => {
  if (!alarmTopicArn) return;
  const action = new cloudwatchActions.SnsAction(
    sns.Topic.fromTopicArn(scope, 'AlarmTopic', alarmTopicArn)
  );
  for (const alarm of alarms) alarm.addAlarmAction(action);
};
