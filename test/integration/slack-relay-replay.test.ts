import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.js';
import { createMemoryDedupStore } from '../../src/dedup/memory-store.js';
import { createHandler } from '../../src/handler/create-handler.js';
import { buildPipeline } from '../../src/pipeline/build-pipeline.js';
import { silentLog } from '../../src/pipeline/log.js';
import { createLocalSink } from '../../src/publish/local-sink.js';
import { readInputs } from '../../src/replay/read-inputs.js';
import { blockKitProblems } from '../helpers/block-kit-limits.js';
import { fakeContext } from '../helpers/context.js';
import { EVENTS_DIR } from '../helpers/events.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { aRelay, type SnsDelivery, sqsRecordOf } from '../helpers/relay-rig.js';
import { scaledClock } from '../helpers/scaled-clock.js';

/** 1 s of relay time is 100 ms of test time. */
const SPEEDUP = 10;

/** Three relayed routes on two channels, and one e-mail route that is not relayed. */
const CONFIG = parseConfig(
  `
routes:
  - name: serious
    topicArn: arn:aws:sns:us-east-1:123456789012:findings-security
    format: slack
    match: { severity: { min: HIGH } }
    announceResolutions: true
    slack: { webhookSecret: notifier/slack-security }
  - name: the-rest
    topicArn: arn:aws:sns:us-east-1:123456789012:findings-security
    format: slack
    match: { severity: { max: MEDIUM } }
    slack: { webhookSecret: notifier/slack-security }
  - name: network
    topicArn: arn:aws:sns:us-east-1:123456789012:findings-network
    format: slack
    perProtocol: true
    match: { type: NETWORK_REACHABILITY }
    slack: { webhookSecret: notifier/slack-network }
  - name: mail
    topicArn: arn:aws:sns:us-east-1:123456789012:findings-mail
    format: text
`,
  'inline'
);

const RELAYED = new Map(
  CONFIG.routes.flatMap((route) =>
    route.slack ? [[route.name, route.perProtocol] as const] : []
  )
);

describe('Replay of events/ through the notifier and the relay into a fake Slack', () => {
  let slack: FakeSlack;
  let relay: Awaited<ReturnType<typeof aRelay>>;
  let secrets: Record<string, string>;
  let deliveries: SnsDelivery[];
  const failures: string[] = [];

  beforeAll(async () => {
    // 1. The notifier: every sample event through the real handler.
    const sink = createLocalSink();
    const handler = createHandler({
      log: silentLog,
      pipeline: buildPipeline(CONFIG, {
        dedup: createMemoryDedupStore(),
        publisher: sink,
        log: silentLog,
      }),
    });
    for (const input of await readInputs([EVENTS_DIR])) {
      if ('event' in input) await handler(input.event, fakeContext());
    }
    // 2. SNS → SQS: the relay queue's subscriptions take the relayed
    // routes only (filter policy on the `route` attribute); a perProtocol
    // message delivers its `sqs` body.
    deliveries = sink.published
      .filter((message) => RELAYED.has(message.route))
      .map((message, index) => ({
        snsMessageId: `sns-${index}`,
        topicArn: message.topicArn,
        route: message.route,
        message: RELAYED.get(message.route)
          ? (JSON.parse(message.body) as { sqs: string }).sqs
          : message.body,
      }));

    // 3. The relay, against a fake Slack answering 429 (Retry-After 1 or 2)
    // to every 4th request and 500 to one.
    const clock = scaledClock(SPEEDUP);
    slack = await startFakeSlack({
      clock,
      script: ({ index }) =>
        index % 4 === 3
          ? { status: 429, retryAfter: index % 8 === 3 ? '1' : '2' }
          : index === 5
            ? { status: 500, body: 'rollup_error' }
            : undefined,
    });
    secrets = {
      'notifier/slack-security': slack.webhook('security'),
      'notifier/slack-network': slack.webhook('network'),
    };
    relay = await aRelay({ config: CONFIG, secrets, clock });
    // SQS hands over batches of up to 10; SNS delivers two messages twice.
    const records = [...deliveries, deliveries[0], deliveries[7]].flatMap(
      (delivery) => (delivery ? [sqsRecordOf(delivery)] : [])
    );
    for (let start = 0; start < records.length; start += 10) {
      const response = await relay.invoke(records.slice(start, start + 10));
      failures.push(...response.batchItemFailures.map((f) => f.itemIdentifier));
    }
  }, 120_000);

  afterAll(async () => {
    await slack?.stop();
  });

  it('announces sample findings on every relayed route', () => {
    const routes = new Set(deliveries.map((delivery) => delivery.route));
    expect([...routes].sort()).toEqual(['network', 'serious', 'the-rest']);
    expect(deliveries.length).toBeGreaterThan(10);
  });

  it('posts every announced finding once, in its channel, with nothing handed back or kept', () => {
    expect(failures).toEqual([]);
    expect(relay.kept).toEqual([]);
    const expected = (channel: string) =>
      deliveries
        .filter(
          (delivery) =>
            (delivery.route === 'network') === (channel === 'network')
        )
        .map((delivery) => delivery.message)
        .sort();
    for (const channel of ['security', 'network']) {
      const posted = slack
        .posted(channel)
        .map((request) => JSON.stringify(request.body))
        .sort();
      expect(posted).toEqual(expected(channel));
    }
  });

  it('posts bodies valid for Slack’s Block Kit limits', () => {
    for (const request of slack.requests) {
      expect(blockKitProblems(request.body)).toEqual([]);
    }
  });

  it('never posts more than one message a second to a channel, and waits out every 429', () => {
    expect(relay.minPostGap()).toBeGreaterThanOrEqual(1_000);
    expect(slack.requests.filter((request) => request.tooFast)).toEqual([]);
    const rateLimited = slack.requests.filter(
      (request) => request.status === 429
    );
    expect(rateLimited.length).toBeGreaterThan(3);
    // Each 429 was followed by a later post to its channel that succeeded.
    for (const limited of rateLimited) {
      expect(
        slack.requests.some(
          (request) =>
            request.channel === limited.channel &&
            request.index > limited.index &&
            request.status === 200
        )
      ).toBe(true);
    }
  });
});
