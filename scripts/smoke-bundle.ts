import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * `npm run smoke`: imports the built bundles in a fresh `node` process, as
 * Lambda does (the config the build wrote, a table name, no AWS access), and
 * runs two events through its handler that need no AWS call: an event kind
 * it ignores and a finding no route matches; then the Slack relay's bundle
 * answers an empty SQS batch. Proves the bundles load, their split chunks
 * resolve and the handlers answer. Exit 0 or 1.
 */
const bundle = resolve('dist/notify-findings/index.mjs');
const relayBundle = resolve('dist/relay-slack/index.mjs');
const script = `
const { handler } = await import(${JSON.stringify(bundle)});
const context = { getRemainingTimeInMillis: () => 25000, awsRequestId: 'smoke', functionName: 'smoke' };
const ignored = await handler({ version: '0', id: 'smoke-ignored', source: 'aws.inspector2', 'detail-type': 'Inspector2 Coverage', account: '123456789012', region: 'us-east-1', time: '2026-01-01T00:00:00Z', resources: [], detail: {} }, context);
if (ignored.outcome !== 'ignored') throw new Error('expected ignored, got ' + JSON.stringify(ignored));
const rejected = await handler({ source: 'aws.securityhub', 'detail-type': 'Security Hub Findings - Imported', detail: { findings: 'x' } }, context);
if (rejected.outcome !== 'rejected') throw new Error('expected rejected, got ' + JSON.stringify(rejected));
console.error('smoke: bundle loaded; ignored and rejected events answered');
const relay = await import(${JSON.stringify(relayBundle)});
const empty = await relay.handler({ Records: [] }, context);
if (JSON.stringify(empty) !== '{"batchItemFailures":[]}') throw new Error('relay: expected no failures, got ' + JSON.stringify(empty));
console.error('smoke: relay bundle loaded; an empty SQS batch answered');
`;
const result = spawnSync(
  process.execPath,
  ['--input-type=module', '-e', script],
  {
    env: {
      PATH: process.env.PATH,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'smoke',
      AWS_SECRET_ACCESS_KEY: 'smoke',
      NOTIFIER_CONFIG_FILE: resolve(
        'dist/notify-findings/notifier-config.json'
      ),
      DEDUP_TABLE_NAME: 'smoke-dedup',
      // The relay: the bundled config's routes name no webhook secret here,
      // so no secret is read; the failure queue is not called.
      RELAY_FAILURE_QUEUE_URL:
        'https://sqs.us-east-1.amazonaws.com/123456789012/smoke-relay-failures',
    },
    encoding: 'utf8',
  }
);
process.stderr.write(
  result.stderr
    .split('\n')
    .filter((line) => line.startsWith('smoke:') || /Error/.test(line))
    .join('\n')
);
process.stderr.write('\n');
process.exit(result.status === 0 ? 0 : 1);
