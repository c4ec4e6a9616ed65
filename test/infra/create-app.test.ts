import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../infra/cdk/create-app.js';

const KEY_ARN =
  'arn:aws:kms:us-east-1:123456789012:key/0123abcd-0123-4567-89ab-0123456789ab';

describe('App: context values that only make sense together', () => {
  it.each([
    {
      case: 'topicKeyArns without existingTopics',
      context: { topicKeyArns: KEY_ARN },
      error: /topicKeyArns names the keys of existing topics/,
    },
    {
      case: 'encryptTopics with existingTopics',
      context: { existingTopics: 'true', encryptTopics: 'false' },
      error: /encryptTopics applies to created topics/,
    },
  ])('refuses $case', ({ context, error }) => {
    expect(() => createApp(new App({ context }))).toThrow(error);
  });
});
