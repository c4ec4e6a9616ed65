import type { Context } from 'aws-lambda';

let invocations = 0;

/** A Lambda context as the runtime passes it, with a new request id per call. */
export const lambdaContext = (): Context => {
  invocations += 1;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'findings-notifier-bench',
    functionVersion: '$LATEST',
    invokedFunctionArn:
      'arn:aws:lambda:us-east-1:123456789012:function:findings-notifier-bench',
    memoryLimitInMB: '256',
    awsRequestId: `bench-${invocations}`,
    logGroupName: '/aws/lambda/findings-notifier-bench',
    logStreamName: 'bench',
    getRemainingTimeInMillis: () => 25_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};
