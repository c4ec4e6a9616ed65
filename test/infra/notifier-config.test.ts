import { App, Duration, Stack } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { FindingsNotifier } from '../../infra/cdk/notifier.js';
import {
  loadNotifierConfig,
  routeTopicArns,
} from '../../infra/notifier-config.js';
import { parseConfig } from '../../src/config/parse-config.js';

describe('Infra: notifier config', () => {
  const file = loadNotifierConfig('config/example.yaml');

  it('bundles a document the function parses to the same config', () => {
    // Act: what scripts/build.ts writes, read back as the function does.
    const bundled = parseConfig(JSON.stringify(file.document), 'bundled');

    // Assess
    expect(bundled).toEqual(file.config);
  });

  it('lists each route topic once, in route order', () => {
    expect(routeTopicArns(file.config)).toEqual([
      'arn:aws:sns:us-east-1:123456789012:findings-security',
      'arn:aws:sns:us-east-1:123456789012:findings-network',
      'arn:aws:sns:us-east-1:123456789012:findings-team-payments',
      'arn:aws:sns:us-east-1:123456789012:findings-compliance',
    ]);
  });

  it('refuses a timeout above 30 s in direct mode (the dedup claim lease is 45 s)', () => {
    // Prepare
    const stack = new Stack(new App(), 'timeout');

    // Act & Assess
    expect(
      () =>
        new FindingsNotifier(stack, 'Notifier', {
          config: file.config,
          code: Code.fromInline('export const handler = () => {};'),
          mode: 'direct',
          timeout: Duration.seconds(31),
        })
    ).toThrow(/at most 30 s/);
  });

  it('refuses a timeout above 600 s and a batching window above 300 s in buffered mode', () => {
    // Prepare
    const code = Code.fromInline('export const handler = () => {};');

    // Act & Assess
    expect(
      () =>
        new FindingsNotifier(new Stack(new App(), 'timeout'), 'Notifier', {
          config: file.config,
          code,
          timeout: Duration.seconds(601),
        })
    ).toThrow(/at most 600 s in buffered mode/);
    expect(
      () =>
        new FindingsNotifier(new Stack(new App(), 'window'), 'Notifier', {
          config: file.config,
          code,
          buffering: { batchingWindow: Duration.seconds(301) },
        })
    ).toThrow(/batchingWindow must be 1-300 s, got 301/);
  });

  it('refuses created topics spread over accounts or regions', () => {
    // Prepare
    const stack = new Stack(new App(), 'places');
    const config = parseConfig(
      [
        'routes:',
        '  - { name: a, topicArn: "arn:aws:sns:us-east-1:123456789012:a" }',
        '  - { name: b, topicArn: "arn:aws:sns:eu-west-1:123456789012:b" }',
      ].join('\n'),
      'inline'
    );

    // Act & Assess
    expect(
      () =>
        new FindingsNotifier(stack, 'Notifier', {
          config,
          code: Code.fromInline('export const handler = () => {};'),
        })
    ).toThrow(/in the stack's account and Region, so they must all be in one/);
  });
});
