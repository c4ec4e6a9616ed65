import type { Context } from 'aws-lambda';

/** A Lambda context for calling the handler directly in tests. */
export const fakeContext = (): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'findings-notifier-test',
  functionVersion: '$LATEST',
  invokedFunctionArn:
    'arn:aws:lambda:eu-central-1:123456789012:function:findings-notifier-test',
  memoryLimitInMB: '256',
  awsRequestId: 'test-request',
  logGroupName: '/aws/lambda/findings-notifier-test',
  logStreamName: 'test',
  getRemainingTimeInMillis: () => 60_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});
