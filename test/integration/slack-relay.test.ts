import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.js';
import {
  type FakeSlack,
  type Scripted,
  startFakeSlack,
} from '../helpers/fake-slack.js';
import { anSnsDelivery, aRelay, sqsRecordOf } from '../helpers/relay-rig.js';
import { scaledClock } from '../helpers/scaled-clock.js';

/** 1 s of relay time is 100 ms of test time. */
const SPEEDUP = 10;

const CONFIG = parseConfig(
  `
routes:
  - name: network
    topicArn: arn:aws:sns:us-east-1:123456789012:findings-network
    format: slack
    slack: { webhookSecret: notifier/slack-network }
  - name: security
    topicArn: arn:aws:sns:us-east-1:123456789012:findings-security
    format: slack
    perProtocol: true
    slack: { webhookSecret: notifier/slack-security }
`,
  'inline'
);

const message = (text: string) =>
  JSON.stringify({
    text,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text, emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: `*${text}*` } },
    ],
  });

const textsOf = (slack: FakeSlack, channel: string) =>
  slack
    .posted(channel)
    .map((request) => (request.body as { text: string }).text);

describe('Slack relay against a local fake Slack', () => {
  let slack: FakeSlack | undefined;
  afterEach(async () => {
    await slack?.stop();
    slack = undefined;
  });

  const start = async (
    script?: (request: {
      channel: string;
      index: number;
    }) => Scripted | undefined
  ) => {
    const clock = scaledClock(SPEEDUP);
    slack = await startFakeSlack({ clock, ...(script ? { script } : {}) });
    const secrets = {
      'notifier/slack-network': slack.webhook('network'),
      'notifier/slack-security': slack.webhook('security'),
    };
    return {
      clock,
      slack,
      secrets,
      relay: await aRelay({ config: CONFIG, secrets, clock }),
    };
  };

  it('posts every message once, at most one per second per channel, waiting out 429s and 5xx', async () => {
    const scripts: Record<string, Record<number, Scripted>> = {
      network: {
        1: { status: 429, retryAfter: '2' },
        4: { status: 500, body: 'rollup_error' },
      },
      security: {
        0: { status: 429, retryAfter: '1' },
        2: { status: 503, body: 'x' },
      },
    };
    const { slack, relay, secrets } = await start(
      ({ channel, index }) => scripts[channel]?.[index]
    );
    const records = [
      ...Array.from({ length: 6 }, (_, n) =>
        sqsRecordOf(anSnsDelivery(message(`network ${n}`), 'network'))
      ),
      ...Array.from({ length: 5 }, (_, n) =>
        sqsRecordOf(anSnsDelivery(message(`security ${n}`), 'security'))
      ),
    ];

    const response = await relay.invoke(records);

    expect(response.batchItemFailures).toEqual([]);
    expect(textsOf(slack, 'network').sort()).toEqual(
      Array.from({ length: 6 }, (_, n) => `network ${n}`)
    );
    expect(textsOf(slack, 'security').sort()).toEqual(
      Array.from({ length: 5 }, (_, n) => `security ${n}`)
    );
    // Every post (retries included) starts at least 1 s after the previous
    // one to its channel, and the fake never saw a channel posted too fast...
    expect(relay.minPostGap()).toBeGreaterThanOrEqual(1_000);
    expect(slack.requests.filter((request) => request.tooFast)).toEqual([]);
    // ...and a 429's Retry-After (2 s) was waited out before the next post.
    const network = relay.postStarts(
      secrets['notifier/slack-network'] as string
    );
    expect(
      (network[2] as number) - (network[1] as number)
    ).toBeGreaterThanOrEqual(2_000);
    expect(slack.requests).toHaveLength(6 + 5 + 4);
    expect(relay.kept).toEqual([]);
  });

  it('posts an SNS message once when SNS delivers it again, in the same batch or a later one', async () => {
    const { slack, relay } = await start();
    const once = anSnsDelivery(message('delivered twice'), 'network');
    const other = anSnsDelivery(message('delivered once'), 'network');

    const first = await relay.invoke([
      sqsRecordOf(once),
      sqsRecordOf(other),
      sqsRecordOf(once),
    ]);
    const second = await relay.invoke([sqsRecordOf(once)]);

    expect(first.batchItemFailures).toEqual([]);
    expect(second.batchItemFailures).toEqual([]);
    expect(textsOf(slack, 'network').sort()).toEqual([
      'delivered once',
      'delivered twice',
    ]);
    expect(
      relay.lines.filter(
        ([, , attributes]) => attributes.outcome === 'duplicate'
      )
    ).toHaveLength(2);
  });

  it('keeps what Slack refuses for good (invalid_blocks, a revoked webhook), with the route and reason, without retrying', async () => {
    const { slack, relay } = await start(({ channel, index }) =>
      channel === 'security' && index === 0
        ? { status: 404, body: 'no_service' }
        : undefined
    );
    const tooLong = JSON.stringify({
      text: 'too long',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } },
      ],
    });
    const records = [
      sqsRecordOf(anSnsDelivery(tooLong, 'network')),
      sqsRecordOf(anSnsDelivery(message('fine'), 'network')),
      sqsRecordOf(anSnsDelivery(message('revoked'), 'security')),
    ];

    const response = await relay.invoke(records);

    expect(response.batchItemFailures).toEqual([]);
    expect(textsOf(slack, 'network')).toEqual(['fine']);
    expect(
      slack.requests.filter((request) => request.channel === 'network')
    ).toHaveLength(2);
    expect(
      slack.requests.filter((request) => request.channel === 'security')
    ).toHaveLength(1);
    expect(
      relay.kept
        .map(({ route, reason }) => ({ route, reason }))
        .sort((a, b) => a.route?.localeCompare(b.route ?? '') ?? 0)
    ).toEqual([
      { route: 'network', reason: 'HTTP 400 invalid_blocks' },
      { route: 'security', reason: 'HTTP 404 no_service' },
    ]);
    // The kept body is the SQS record body, as received: it can be redriven.
    expect(relay.kept.map((kept) => kept.body)).toEqual(
      expect.arrayContaining([records[0]?.body, records[2]?.body])
    );
    expect(
      relay.lines
        .filter(([level]) => level === 'ERROR')
        .map(([, , attributes]) => attributes.route)
        .sort()
    ).toEqual(['network', 'security']);
  });

  it('keeps a message for a route without a webhook, and one that is not a Slack message', async () => {
    const { relay } = await start();
    const response = await relay.invoke([
      sqsRecordOf(anSnsDelivery(message('elsewhere'), 'no-such-route')),
      sqsRecordOf(anSnsDelivery('Subject: plain text', 'network')),
    ]);
    expect(response.batchItemFailures).toEqual([]);
    expect(relay.kept.map((kept) => kept.reason)).toEqual([
      'no Slack webhook for route "no-such-route": give the route slack.webhookSecret',
      expect.stringContaining('the SNS message is not a Slack message'),
    ]);
  });

  it('hands back what it cannot post in time, and a later invocation posts it once', async () => {
    const clock = scaledClock(SPEEDUP);
    slack = await startFakeSlack({
      clock,
      script: ({ index }) =>
        index === 0 ? { status: 429, retryAfter: '30' } : undefined,
    });
    const secrets = {
      'notifier/slack-network': slack.webhook('network'),
      'notifier/slack-security': slack.webhook('security'),
    };
    const short = await aRelay({
      config: CONFIG,
      secrets,
      clock,
      remainingMs: 20_000,
    });
    const records = [1, 2, 3].map((n) =>
      sqsRecordOf(anSnsDelivery(message(`late ${n}`), 'network'))
    );

    const first = await short.invoke(records);

    expect(
      first.batchItemFailures.map((failure) => failure.itemIdentifier)
    ).toEqual(records.map((record) => record.messageId));
    expect(slack.posted('network')).toEqual([]);
    expect(short.lines.filter(([level]) => level === 'WARN')).toHaveLength(3);

    // The queue delivers them again after the visibility timeout; by then
    // the Retry-After has passed (a fresh environment knows nothing of it).
    const later = await aRelay({ config: CONFIG, secrets, clock });
    const second = await later.invoke(records);
    expect(second.batchItemFailures).toEqual([]);
    expect(textsOf(slack, 'network')).toEqual(['late 1', 'late 2', 'late 3']);
  });
});
