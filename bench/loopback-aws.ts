import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DynamoDBClient,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const xml = (action: string, result: string) =>
  `<${action}Response xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`;

/** SNS's query API as far as the publisher uses it: Publish and PublishBatch succeed. */
const snsResponse = (body: string): string => {
  const form = new URLSearchParams(body);
  const action = form.get('Action');
  if (action === 'Publish')
    return xml('Publish', `<MessageId>${randomUUID()}</MessageId>`);
  if (action === 'PublishBatch') {
    const ids = [...form.entries()]
      .filter(([name]) =>
        /^PublishBatchRequestEntries\.member\.\d+\.Id$/.test(name)
      )
      .map(([, id]) => id);
    const members = ids
      .map(
        (id) =>
          `<member><Id>${id}</Id><MessageId>${randomUUID()}</MessageId></member>`
      )
      .join('');
    return xml('PublishBatch', `<Successful>${members}</Successful><Failed/>`);
  }
  throw new Error(`fake SNS: unexpected action ${action}`);
};

/**
 * DynamoDB (dynalite, in memory) and a fake SNS on 127.0.0.1, so a fresh
 * process can import the built bundle and answer a finding end to end with
 * the real SDK clients (pointed here by AWS_ENDPOINT_URL_DYNAMODB / _SNS).
 */
export const startLoopbackAws = async () => {
  const dynamo = dynalite({ createTableMs: 0, deleteTableMs: 0 });
  const dynamoUrl = await listen(dynamo);
  const sns = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      try {
        response.writeHead(200, { 'content-type': 'text/xml' });
        response.end(snsResponse(body));
      } catch (error) {
        response.writeHead(400, { 'content-type': 'text/xml' });
        response.end(String(error));
      }
    });
  });
  const snsUrl = await listen(sns);
  const client = new DynamoDBClient({
    endpoint: dynamoUrl,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  const table = 'bench-dedup';
  await client.send(
    new CreateTableCommand({
      TableName: table,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    })
  );
  await waitUntilTableExists(
    { client, maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.1 },
    { TableName: table }
  );
  client.destroy();
  return {
    env: {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      AWS_ENDPOINT_URL_DYNAMODB: dynamoUrl,
      AWS_ENDPOINT_URL_SNS: snsUrl,
      DEDUP_TABLE_NAME: table,
    },
    stop: async () => {
      await Promise.all(
        [dynamo, sns].map(
          (server) =>
            new Promise<void>((resolve) => server.close(() => resolve()))
        )
      );
    },
  };
};
