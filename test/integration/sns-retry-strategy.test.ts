import { Readable } from 'node:stream';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { SNS_CLIENT_OPTIONS } from '../../src/publish/sns-client-options.js';
import { createSnsPublisher } from '../../src/publish/sns-publisher.js';

const TOPIC = 'arn:aws:sns:eu-central-1:123456789012:security';

const xml = (statusCode: number, body: string) => ({
  response: {
    statusCode,
    reason: '',
    headers: { 'content-type': 'text/xml' },
    body: Readable.from([Buffer.from(body)]),
  },
});

const errorResponse = (
  statusCode: number,
  type: 'Sender' | 'Receiver',
  code: string
) =>
  xml(
    statusCode,
    `<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>${type}</Type><Code>${code}</Code><Message>${code} from the test server</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`
  );

const published = () =>
  xml(
    200,
    '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r-2</RequestId></ResponseMetadata></PublishResponse>'
  );

/**
 * An SNS client with the function's retry options whose HTTP layer answers
 * from a script: the SDK's real retry strategy runs, only the network is
 * replaced (aws-sdk-client-mock would bypass the retry middleware).
 */
const scriptedClient = (answers: (() => ReturnType<typeof xml>)[]) => {
  let requests = 0;
  const client = new SNSClient({
    ...SNS_CLIENT_OPTIONS,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: {
      handle: async () => {
        const answer = answers[Math.min(requests, answers.length - 1)];
        requests += 1;
        if (!answer) throw new Error('no scripted answer');
        return answer();
      },
    },
  });
  return { client, requests: () => requests };
};

const message = {
  route: 'security',
  findingId: 'finding-1',
  topicArn: TOPIC,
  subject: 'subject',
  body: 'body',
  attributes: {},
};

describe('SNS client retry strategy (SNS_CLIENT_OPTIONS)', () => {
  it.each([
    ['Throttling', 400, 'Sender'],
    ['InternalError', 500, 'Receiver'],
  ] as const)('retries %s and succeeds', async (code, status, type) => {
    const sns = scriptedClient([
      () => errorResponse(status, type, code),
      () => errorResponse(status, type, code),
      published,
    ]);
    const output = await sns.client.send(
      new PublishCommand({ TopicArn: TOPIC, Message: 'x' })
    );
    expect(output.MessageId).toBe('m-1');
    expect(sns.requests()).toBe(3);
  });

  it('gives up after 4 attempts and reports a retryable failure', async () => {
    const sns = scriptedClient([
      () => errorResponse(500, 'Receiver', 'InternalError'),
    ]);
    const results = await createSnsPublisher(sns.client).publish([message]);
    expect(results).toEqual([
      // The SDK names modeled errors with an `Exception` suffix.
      expect.objectContaining({
        ok: false,
        retryable: true,
        code: 'InternalErrorException',
      }),
    ]);
    expect(sns.requests()).toBe(4);
  });

  it.each([
    ['InvalidParameter', 400],
    ['NotFound', 404],
    ['AuthorizationError', 403],
    ['KMSAccessDenied', 400],
  ])('never retries %s', async (code, status) => {
    const sns = scriptedClient([
      () => errorResponse(status, 'Sender', code),
      published,
    ]);
    const results = await createSnsPublisher(sns.client).publish([message]);
    expect(results).toEqual([
      expect.objectContaining({
        ok: false,
        retryable: false,
        code: expect.stringMatching(new RegExp(`^${code}`)),
      }),
    ]);
    expect(sns.requests()).toBe(1);
  });
});

describe('SNS client: text it cannot encode (issue 16, item 3)', () => {
  it('reports a lone surrogate as a permanent failure, never sent', async () => {
    // Prepare: half an emoji, as a cut in the wrong place used to leave
    const sns = scriptedClient([published]);

    // Act
    const results = await createSnsPublisher(sns.client).publish([
      { ...message, body: 'Package 😀 \ud83d' },
    ]);

    // Assess
    expect(results).toEqual([
      expect.objectContaining({
        ok: false,
        retryable: false,
        code: 'URIError',
      }),
    ]);
    expect(sns.requests()).toBe(0);
  });
});
