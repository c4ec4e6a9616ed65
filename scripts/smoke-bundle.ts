import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * `npm run smoke`: imports the built bundle in a fresh `node` process, as
 * Lambda does (the config the build wrote, a table name, no AWS access), and
 * runs two events through its handler that need no AWS call: an event kind
 * it ignores and a finding no route matches. Proves the bundle loads, its
 * split chunks resolve and the handler answers. Exit 0 or 1.
 */
const bundle = resolve('dist/notify-findings/index.mjs');
const config = resolve('dist/notify-findings/notifier-config.json');
for (const file of [bundle, config]) {
  if (!existsSync(file)) {
    console.error(
      `smoke: ${file} is missing: build the function first (npm run build), then run npm run smoke`
    );
    process.exit(1);
  }
}
const script = `
const { handler } = await import(${JSON.stringify(bundle)});
const context = { getRemainingTimeInMillis: () => 25000, awsRequestId: 'smoke', functionName: 'smoke' };
const ignored = await handler({ version: '0', id: 'smoke-ignored', source: 'aws.inspector2', 'detail-type': 'Inspector2 Coverage', account: '123456789012', region: 'us-east-1', time: '2026-01-01T00:00:00Z', resources: [], detail: {} }, context);
if (ignored.outcome !== 'ignored') throw new Error('expected ignored, got ' + JSON.stringify(ignored));
const rejected = await handler({ source: 'aws.securityhub', 'detail-type': 'Security Hub Findings - Imported', detail: { findings: 'x' } }, context);
if (rejected.outcome !== 'rejected') throw new Error('expected rejected, got ' + JSON.stringify(rejected));
console.error('smoke: bundle loaded; ignored and rejected events answered');
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
      NOTIFIER_CONFIG_FILE: config,
      DEDUP_TABLE_NAME: 'smoke-dedup',
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
