import type { AddressInfo } from 'node:net';
import {
  CreateTableCommand,
  DynamoDBClient,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';

export type LocalDynamo = {
  readonly client: DynamoDBClient;
  /** Creates a fresh dedup table and returns its name. */
  createTable(): Promise<string>;
  stop(): Promise<void>;
};

let tables = 0;

/**
 * Starts dynalite (an in-memory DynamoDB API server) on 127.0.0.1 with a
 * free port, and a client for it with fake credentials. Call in `beforeAll`
 * and `stop()` in `afterAll`.
 */
export const startDynalite = async (): Promise<LocalDynamo> => {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // A busy machine can pause a client longer than Node's 5 s keep-alive: the
  // server would then close a socket the client is about to reuse (ECONNRESET).
  server.keepAliveTimeout = 120_000;
  const { port } = server.address() as AddressInfo;
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
  });
  return {
    client,
    createTable: async () => {
      tables += 1;
      const name = `dedup-${process.pid}-${tables}`;
      await client.send(
        new CreateTableCommand({
          TableName: name,
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        })
      );
      await waitUntilTableExists(
        { client, maxWaitTime: 10, minDelay: 0.05, maxDelay: 0.1 },
        { TableName: name }
      );
      return name;
    },
    stop: async () => {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
