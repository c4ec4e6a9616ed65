import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runtimeNodeFlags } from '../bench/lambda-launch.js';
import { startLoopbackAws } from '../bench/loopback-aws.js';
import {
  FUNCTION_HEAP_ENVIRONMENT,
  FUNCTION_HEAP_OPTIONS,
  FUNCTION_MEMORY_MB,
  FUNCTION_NODE_OPTIONS,
  HEAP_WRAPPER_NAME,
} from '../infra/function-runtime.js';
import { sqsRecordOf } from '../src/handler/sqs-batch.js';

/**
 * `npm run smoke`: imports the built bundles in a fresh `node` process,
 * started as Lambda starts the function (through the heap wrapper the build
 * ships, with the runtime's flags; the config the build wrote), and runs three
 * events through its handler: an event kind it ignores, a malformed event
 * (which fails the invocation, so Lambda keeps it in the failure queue),
 * and a finding the example config publishes — claimed in DynamoDB
 * (dynalite), published to a fake SNS and confirmed, both on 127.0.0.1.
 * Proves the bundle loads, its split chunks resolve and the handler answers,
 * with its real DynamoDB and SNS clients; an SQS batch (buffered mode)
 * with a good and a malformed record answers with the malformed one as its
 * only batch item failure; then the Slack relay's bundle
 * answers an empty SQS batch. Exit 0 or 1.
 */
const bundle = resolve('dist/notify-findings/index.mjs');
const wrapper = resolve('dist/notify-findings', HEAP_WRAPPER_NAME);
const relayBundle = resolve('dist/relay-slack/index.mjs');
const config = resolve('dist/notify-findings/notifier-config.json');
for (const file of [bundle, config, relayBundle, wrapper]) {
  if (!existsSync(file)) {
    console.error(
      `smoke: ${file} is missing: build the function first (npm run build), then run npm run smoke`
    );
    process.exit(1);
  }
}
const published = JSON.parse(
  readFileSync(
    'events/inspector2/lambda-package-vuln-high-exploit-available-docs.json',
    'utf8'
  )
) as { detail: { findingArn: string } };
published.detail.findingArn = `${published.detail.findingArn}-smoke-${Date.now()}`;
// Buffered mode: the same finding in another state, in an SQS batch with a malformed record.
const buffered = structuredClone(published);
buffered.detail.findingArn = `${published.detail.findingArn}-buffered`;
const batch = {
  Records: [
    sqsRecordOf('smoke-good', JSON.stringify(buffered)),
    sqsRecordOf('smoke-bad', '{"source":"aws.inspector2"}'),
  ],
};

const script = `
const heapFlags = process.execArgv.slice(0, 2).join(' ');
if (heapFlags !== ${JSON.stringify(FUNCTION_HEAP_OPTIONS)}) throw new Error('the heap wrapper did not set the heap: ' + process.execArgv.join(' '));
const { handler } = await import(${JSON.stringify(bundle)});
const context = { getRemainingTimeInMillis: () => 25000, awsRequestId: 'smoke', functionName: 'smoke' };
const ignored = await handler({ version: '0', id: 'smoke-ignored', source: 'aws.securityhub', 'detail-type': 'Security Hub Insight Results', account: '123456789012', region: 'us-east-1', time: '2026-01-01T00:00:00Z', resources: [], detail: {} }, context);
if (ignored.outcome !== 'ignored') throw new Error('expected ignored, got ' + JSON.stringify(ignored));
const rejected = await handler({ source: 'aws.securityhub', 'detail-type': 'Security Hub Findings - Imported', detail: { findings: 'x' } }, context).then((report) => report, (error) => error);
// The reason comes from zod, which the bundle loads (a lazy chunk) for the first invalid event.
if (rejected.name !== 'RejectedEventError' || rejected.report?.outcome !== 'rejected' || !/^detail\\.findings: /.test(rejected.report.reason)) throw new Error('expected a RejectedEventError naming detail.findings, got ' + JSON.stringify(rejected));
const report = await handler(${JSON.stringify(published)}, context);
if (report.findings[0]?.outcome !== 'published') throw new Error('expected published, got ' + JSON.stringify(report));
console.error('smoke: bundle loaded; ignored, rejected and published events answered');
const response = await handler(${JSON.stringify(batch)}, context);
if (JSON.stringify(response) !== '{"batchItemFailures":[{"itemIdentifier":"smoke-bad"}]}') throw new Error('expected only smoke-bad to fail, got ' + JSON.stringify(response));
console.error('smoke: an SQS batch answered with its partial batch response');
const relay = await import(${JSON.stringify(relayBundle)});
const empty = await relay.handler({ Records: [] }, context);
if (JSON.stringify(empty) !== '{"batchItemFailures":[]}') throw new Error('relay: expected no failures, got ' + JSON.stringify(empty));
console.error('smoke: relay bundle loaded; an empty SQS batch answered');
`;

const aws = await startLoopbackAws();
const status = await new Promise<number | null>((done) => {
  const runtimeCommand = [
    process.execPath,
    ...runtimeNodeFlags(FUNCTION_MEMORY_MB),
    '--input-type=module',
    '-e',
    script,
  ];
  const child = spawn(wrapper, runtimeCommand, {
    env: {
      PATH: process.env.PATH,
      ...aws.env,
      ...FUNCTION_HEAP_ENVIRONMENT,
      NODE_OPTIONS: FUNCTION_NODE_OPTIONS,
      NOTIFIER_CONFIG_FILE: config,
      // The relay: the bundled config's routes name no webhook secret here,
      // so no secret is read; the failure queue is not called.
      RELAY_FAILURE_QUEUE_URL:
        'https://sqs.us-east-1.amazonaws.com/123456789012/smoke-relay-failures',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.on('close', (code) => {
    process.stderr.write(
      `${stderr
        .split('\n')
        .filter((line) => line.startsWith('smoke:') || /Error/.test(line))
        .join('\n')}\n`
    );
    done(code);
  });
});
await aws.stop();
process.exit(status === 0 ? 0 : 1);
