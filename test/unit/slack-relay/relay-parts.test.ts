import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parse-config.js';
import { realClock } from '../../../src/slack-relay/clock.js';
import { createDeliveryLog } from '../../../src/slack-relay/delivery-log.js';
import { sqsFailureKeeper } from '../../../src/slack-relay/failure-keeper.js';
import { createPacer } from '../../../src/slack-relay/pacer.js';
import { relayBatch } from '../../../src/slack-relay/relay.js';
import { relayFailureQueueFromEnv } from '../../../src/slack-relay/relay-env.js';
import { readNotification } from '../../../src/slack-relay/sns-notification.js';
import { loadWebhookTargets } from '../../../src/slack-relay/webhook-targets.js';
import {
  anSnsDelivery,
  aRecordingLog,
  sqsRecordOf,
} from '../../helpers/relay-rig.js';

const QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/relay-dlq';
const CONFIG = parseConfig(
  `
routes:
  - { name: a, topicArn: 'arn:aws:sns:us-east-1:123456789012:t', format: slack, slack: { webhookSecret: s/a } }
  - { name: b, topicArn: 'arn:aws:sns:us-east-1:123456789012:t', format: slack, slack: { webhookSecret: s/b } }
  - { name: c, topicArn: 'arn:aws:sns:us-east-1:123456789012:t', format: slack, slack: { webhookSecret: s/a } }
`,
  'inline'
);

describe('sqsFailureKeeper', () => {
  const sqs = mockClient(SQSClient);
  beforeEach(() => sqs.reset());

  it('sends the body as received with the reason and route as attributes', async () => {
    sqs.on(SendMessageCommand).resolves({ MessageId: 'm' });
    await sqsFailureKeeper(new SQSClient({ region: 'us-east-1' }), QUEUE).keep({
      body: '{"Type":"Notification"}',
      route: 'a',
      reason: 'HTTP 400 invalid_blocks',
    });
    expect(sqs).toReceiveCommandWith(SendMessageCommand, {
      QueueUrl: QUEUE,
      MessageBody: '{"Type":"Notification"}',
      MessageAttributes: {
        error: { DataType: 'String', StringValue: 'HTTP 400 invalid_blocks' },
        route: { DataType: 'String', StringValue: 'a' },
      },
    });
  });

  it('hands the record back to the queue when it cannot keep it', async () => {
    sqs.on(SendMessageCommand).rejects(new Error('AccessDenied'));
    const { log, lines } = aRecordingLog();
    const record = sqsRecordOf(anSnsDelivery('not json', 'a'));
    const response = await relayBatch([record], Date.now() + 60_000, {
      targets: new Map(),
      pacer: createPacer(realClock),
      clock: realClock,
      delivered: createDeliveryLog(),
      keeper: sqsFailureKeeper(new SQSClient({ region: 'us-east-1' }), QUEUE),
      log,
    });
    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: record.messageId },
    ]);
    expect(lines.map(([level, message]) => `${level} ${message}`)).toEqual([
      'ERROR slack message kept: not posted',
      'ERROR could not keep the message: the queue delivers it again',
    ]);
  });
});

describe('relay parts', () => {
  it('reads the failure queue URL from the environment, refusing none', () => {
    expect(relayFailureQueueFromEnv({ RELAY_FAILURE_QUEUE_URL: QUEUE })).toBe(
      QUEUE
    );
    expect(() => relayFailureQueueFromEnv({})).toThrow(
      /set RELAY_FAILURE_QUEUE_URL/
    );
  });

  it('reads each secret once, shares a channel between routes with one URL, names an unreadable secret', async () => {
    const read: string[] = [];
    const targets = await loadWebhookTargets(CONFIG, async (id) => {
      read.push(id);
      return 'https://hooks.example/services/T/B/x';
    });
    expect(read).toEqual(['s/a', 's/b']);
    expect(targets.get('a')).toBe(targets.get('b'));
    expect(targets.get('a')).toBe(targets.get('c'));
    await expect(
      loadWebhookTargets(CONFIG, async () => {
        throw new Error('ResourceNotFoundException: https://secret');
      })
    ).rejects.toThrow('cannot read the Slack webhook secret s/a: Error');
    await expect(
      loadWebhookTargets(CONFIG, async () => 'https://user:pw@hooks.example/x')
    ).rejects.toThrow(
      /secret s\/a: its value must be the incoming webhook URL/
    );
  });

  it.each([
    { body: 'not json', error: /not an SNS notification/ },
    {
      body: JSON.stringify({ Type: 'SubscriptionConfirmation' }),
      error: /not an SNS notification/,
    },
  ])(
    'names what is wrong with an unreadable record',
    async ({ body, error }) => {
      const read = await readNotification(body);
      expect('error' in read && read.error).toMatch(error);
    }
  );

  it('forgets the oldest posted ids beyond its capacity', () => {
    const log = createDeliveryLog(2);
    for (const id of ['1', '2', '3']) log.add(id);
    expect(['1', '2', '3'].map((id) => log.has(id))).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('sleeps for real on the real clock', async () => {
    const start = realClock.now();
    await realClock.sleep(0);
    await realClock.sleep(5);
    expect(realClock.now() - start).toBeGreaterThanOrEqual(4);
  });
});
