import {
  PublishCommand,
  type PublishCommandInput,
  SNSClient,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.js';
import { createMemoryDedupStore } from '../../src/dedup/memory-store.js';
import { buildPipeline } from '../../src/pipeline/build-pipeline.js';
import { createSnsPublisher } from '../../src/publish/sns-publisher.js';
import { anInspector2Event } from '../helpers/events.js';
import { ChatbotNotificationSchema } from '../helpers/message-checks.js';

const topic = (name: string) => `arn:aws:sns:eu-central-1:123456789012:${name}`;

const CONFIG = parseConfig(
  `
routes:
  - name: chat
    topicArn: ${topic('chat')}
  - name: slack-relay
    topicArn: ${topic('slack')}
    format: slack
  - name: mail
    topicArn: ${topic('mail')}
    format: text
  - name: mail-and-chat
    topicArn: ${topic('both')}
    perProtocol: true
`,
  'formats-publish.test.yaml'
);

describe('Pipeline: one publish per route in the route format', () => {
  const sns = mockClient(SNSClient);

  beforeEach(() => {
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
  });

  it('publishes chatbot, Slack, text and per-protocol messages with attributes', async () => {
    // Prepare
    const pipeline = buildPipeline(CONFIG, {
      dedup: createMemoryDedupStore(),
      publisher: createSnsPublisher(new SNSClient({ region: 'eu-central-1' })),
      log: { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() },
    });

    // Act
    await pipeline.run(
      anInspector2Event('lambda-package-vuln-high-exploit-available-docs')
    );

    // Assess
    const sent: Record<string, PublishCommandInput> = Object.fromEntries(
      sns
        .commandCalls(PublishCommand)
        .map((call) => [call.args[0].input.TopicArn, call.args[0].input])
    );
    expect(
      ChatbotNotificationSchema.safeParse(
        JSON.parse(sent[topic('chat')]?.Message ?? '')
      ).success
    ).toBe(true);
    expect(JSON.parse(sent[topic('slack')]?.Message ?? '')).toMatchObject({
      text: expect.stringContaining('HIGH 7.5'),
      blocks: expect.any(Array),
    });
    expect(sent[topic('mail')]?.Message).toMatch(
      /^HIGH 7\.5 \| CVE-2023-30861 - flask\n/
    );
    expect(sent[topic('mail')]?.MessageStructure).toBeUndefined();
    const both = sent[topic('both')];
    expect(both?.MessageStructure).toBe('json');
    const bodies = JSON.parse(both?.Message ?? '{}');
    expect(bodies.email).toBe(
      sent[topic('mail')]?.Message?.replace('route mail', 'route mail-and-chat')
    );
    expect(JSON.parse(bodies.https)).toMatchObject({
      version: '1.0',
      source: 'custom',
    });
    for (const input of Object.values(sent)) {
      expect(input.Subject).toBe('[HIGH 7.5] CVE-2023-30861 - flask');
      expect(input.MessageAttributes).toMatchObject({
        severity: { DataType: 'String', StringValue: 'HIGH' },
        provider: { DataType: 'String', StringValue: 'Amazon' },
        product: { DataType: 'String', StringValue: 'Inspector' },
        findingType: {
          DataType: 'String',
          StringValue: 'PACKAGE_VULNERABILITY',
        },
        account: { DataType: 'String', StringValue: '123456789012' },
        region: { DataType: 'String', StringValue: 'eu-central-1' },
      });
    }
  });
});
