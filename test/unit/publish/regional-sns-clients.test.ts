import {
  PublishBatchCommand,
  PublishCommand,
  SNSClient,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../../src/publish/publisher.js';
import {
  regionalSnsClients,
  snsClientsFor,
} from '../../../src/publish/regional-sns-clients.js';
import { createSnsPublisher } from '../../../src/publish/sns-publisher.js';

const US = 'arn:aws:sns:us-east-1:123456789012:findings';
const EU = 'arn:aws:sns:eu-west-1:123456789012:findings';
const EU_OTHER = 'arn:aws:sns:eu-west-1:123456789012:other';

const aMessage = (n: number, topicArn: string): OutgoingMessage => ({
  route: 'security',
  findingId: `finding-${n}`,
  topicArn,
  subject: `subject ${n}`,
  body: `body ${n}`,
  attributes: { severity: 'HIGH' },
});

describe('regionalSnsClients', () => {
  it('creates one client per Region, the first time a topic there is used', async () => {
    // Prepare
    const created: string[] = [];
    const clientFor = regionalSnsClients((region) => {
      created.push(region);
      return new SNSClient({ region });
    });

    // Act
    const eu = clientFor(EU);
    const euAgain = clientFor(EU_OTHER);
    const us = clientFor(US);

    // Assess
    expect(created).toEqual(['eu-west-1', 'us-east-1']);
    expect(euAgain).toBe(eu);
    expect(await eu.config.region()).toBe('eu-west-1');
    expect(await us.config.region()).toBe('us-east-1');
  });

  it("builds the function's clients with the retry settings, up front", async () => {
    // Act
    const clientFor = snsClientsFor([US, EU]);
    const client = clientFor(EU);

    // Assess
    expect(await client.config.region()).toBe('eu-west-1');
    expect(await client.config.maxAttempts()).toBe(4);
    expect(client.config.retryMode).toBeDefined();
  });
});

describe('createSnsPublisher with a client per Region', () => {
  it("sends each topic's messages to the client of the topic's Region", async () => {
    // Prepare
    const clients = {
      'us-east-1': new SNSClient({ region: 'us-east-1' }),
      'eu-west-1': new SNSClient({ region: 'eu-west-1' }),
    };
    const us = mockClient(clients['us-east-1']);
    const eu = mockClient(clients['eu-west-1']);
    us.on(PublishCommand).resolves({ MessageId: 'us-1' });
    eu.on(PublishBatchCommand).resolves({
      Successful: [
        { Id: 'm0', MessageId: 'eu-1' },
        { Id: 'm1', MessageId: 'eu-2' },
      ],
    });
    const publisher = createSnsPublisher(
      regionalSnsClients(
        (region) =>
          clients[region as keyof typeof clients] ?? clients['us-east-1']
      )
    );

    // Act
    const results = await publisher.publish([
      aMessage(1, EU),
      aMessage(2, US),
      aMessage(3, EU),
    ]);

    // Assess
    expect(results).toEqual([
      { ok: true, messageId: 'eu-1' },
      { ok: true, messageId: 'us-1' },
      { ok: true, messageId: 'eu-2' },
    ]);
    expect(us).toReceiveCommandTimes(PublishCommand, 1);
    expect(us).toReceiveCommandWith(PublishCommand, { TopicArn: US });
    expect(us).not.toReceiveCommand(PublishBatchCommand);
    expect(eu).toReceiveCommandWith(PublishBatchCommand, { TopicArn: EU });
    expect(eu).not.toReceiveCommand(PublishCommand);
  });
});
