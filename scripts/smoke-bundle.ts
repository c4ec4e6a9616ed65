import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startLoopbackAws } from '../bench/loopback-aws.js';

/**
 * `npm run smoke`: imports the built bundle in a fresh `node` process, as
 * Lambda does (the config the build wrote, a table name), and runs three
 * events through its handler: an event kind it ignores, a malformed event,
 * and a finding the example config publishes — claimed in DynamoDB
 * (dynalite), published to a fake SNS and confirmed, both on 127.0.0.1.
 * Proves the bundle loads, its split chunks resolve and the handler answers,
 * with its real DynamoDB and SNS clients. Exit 0 or 1.
 */
const bundle = resolve('dist/notify-findings/index.mjs');
const published = JSON.parse(
  readFileSync(
    'events/inspector2/lambda-package-vuln-high-exploit-available-docs.json',
    'utf8'
  )
) as { detail: { findingArn: string } };
published.detail.findingArn = `${published.detail.findingArn}-smoke-${Date.now()}`;

const script = `
const { handler } = await import(${JSON.stringify(bundle)});
const context = { getRemainingTimeInMillis: () => 25000, awsRequestId: 'smoke', functionName: 'smoke' };
const ignored = await handler({ version: '0', id: 'smoke-ignored', source: 'aws.inspector2', 'detail-type': 'Inspector2 Coverage', account: '123456789012', region: 'us-east-1', time: '2026-01-01T00:00:00Z', resources: [], detail: {} }, context);
if (ignored.outcome !== 'ignored') throw new Error('expected ignored, got ' + JSON.stringify(ignored));
const rejected = await handler({ source: 'aws.securityhub', 'detail-type': 'Security Hub Findings - Imported', detail: { findings: 'x' } }, context);
if (rejected.outcome !== 'rejected') throw new Error('expected rejected, got ' + JSON.stringify(rejected));
const report = await handler(${JSON.stringify(published)}, context);
if (report.findings[0]?.outcome !== 'published') throw new Error('expected published, got ' + JSON.stringify(report));
console.error('smoke: bundle loaded; ignored, rejected and published events answered');
`;

const aws = await startLoopbackAws();
const status = await new Promise<number | null>((done) => {
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: {
      PATH: process.env.PATH,
      ...aws.env,
      NOTIFIER_CONFIG_FILE: resolve(
        'dist/notify-findings/notifier-config.json'
      ),
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
