import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNagChecks } from '../../infra/cdk/create-app.js';
import { FindingsNotifierStack } from '../../infra/cdk/stack.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { loadWebhookTargets } from '../../src/slack-relay/webhook-targets.js';
import { REPO_ROOT } from '../helpers/events.js';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { RELAY_CONFIG } from '../helpers/relay-config.js';
import { anSnsDelivery, aRelay, sqsRecordOf } from '../helpers/relay-rig.js';
import { scaledClock } from '../helpers/scaled-clock.js';
import { synthesize } from '../helpers/synth.js';

/** What a real webhook URL looks like: none may be in a template or bundle. */
const WEBHOOK_URL =
  /hooks\.slack(-gov)?\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\//;

const CONFIG = parseConfig(
  `
routes:
  - name: up
    topicArn: arn:aws:sns:us-east-1:123456789012:findings
    format: slack
    slack: { webhookSecret: notifier/up }
  - name: down
    topicArn: arn:aws:sns:us-east-1:123456789012:findings
    format: slack
    slack: { webhookSecret: notifier/down }
`,
  'inline'
);

const message = (text: string) =>
  JSON.stringify({
    text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  });

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

describe('Secrets: no webhook URL in logs, kept messages, templates or bundles', () => {
  let slack: FakeSlack;
  let secrets: Record<string, string>;
  const outputs: string[] = [];

  beforeAll(async () => {
    const clock = scaledClock(10);
    slack = await startFakeSlack({
      clock,
      // 429, 500, invalid_blocks and a revoked webhook, then fine.
      script: ({ index }) =>
        [
          { status: 429 as const, retryAfter: '1' },
          { status: 500 as const, body: 'rollup_error' },
          { status: 400 as const, body: 'invalid_blocks' },
          { status: 403 as const, body: 'invalid_token' },
        ][index],
    });
    // A webhook on a port nobody listens on: no answer at all.
    const closed = createServer();
    await new Promise<void>((resolve) =>
      closed.listen(0, '127.0.0.1', resolve)
    );
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    secrets = {
      'notifier/up': slack.webhook('up'),
      'notifier/down': `http://127.0.0.1:${port}/services/TDOWN/BDOWN/${'d0wn5ecret'.repeat(3)}`,
    };
    const relay = await aRelay({ config: CONFIG, secrets, clock });
    const records = [
      ...[1, 2, 3, 4, 5].map((n) =>
        sqsRecordOf(anSnsDelivery(message(`up ${n}`), 'up'))
      ),
      sqsRecordOf(anSnsDelivery(message('down'), 'down')),
    ];
    const response = await relay.invoke(records);
    outputs.push(
      JSON.stringify(response),
      JSON.stringify(relay.lines),
      JSON.stringify(relay.kept)
    );
    // A secret holding something else than a URL: the error names the secret only.
    const error = await loadWebhookTargets(
      CONFIG,
      async () => `not a url ${secrets['notifier/up']}`
    ).catch((caught: Error) => caught);
    outputs.push(String(error), (error as Error).stack ?? '');
  }, 60_000);

  afterAll(async () => {
    await slack.stop();
  });

  it('exercised posts, 429s, 5xx, permanent errors and a dead webhook', () => {
    const all = outputs.join('\n');
    expect(all).toContain('"outcome":"posted"');
    expect(all).toContain('HTTP 400 invalid_blocks');
    expect(all).toContain('HTTP 403 invalid_token');
    expect(all).toContain('no answer (ECONNREFUSED)');
    expect(all).toContain(
      'secret notifier/up: its value must be the incoming webhook URL'
    );
  });

  it('never logs or keeps a webhook URL or its token', () => {
    const all = outputs.join('\n');
    for (const url of Object.values(secrets)) {
      const token = url.split('/').at(-1) as string;
      expect(all).not.toContain(token);
      expect(all).not.toContain(url);
    }
  });

  it('puts no webhook URL in the synthesized templates (CDK and SAM), only the secret names', () => {
    const synth = synthesize((app) => {
      addNagChecks(app);
      return new FindingsNotifierStack(app, 'secret-search', {
        notifier: { config: RELAY_CONFIG },
      });
    });
    const template = JSON.stringify(synth.json);
    expect(template).toContain('notifier/slack-security');
    expect(template).not.toMatch(WEBHOOK_URL);
    expect(template).not.toMatch(/https?:\/\/[^"]*\/services\//);
    const samTemplate = readFileSync(
      join(REPO_ROOT, 'infra/sam/template.yaml'),
      'utf8'
    );
    expect(samTemplate).not.toMatch(WEBHOOK_URL);
  });

  it('puts no webhook URL in the bundles or the bundled config', () => {
    const files = ['dist/relay-slack', 'dist/notify-findings'].flatMap((dir) =>
      filesUnder(join(REPO_ROOT, dir))
    );
    expect(files.some((file) => file.endsWith('notifier-config.json'))).toBe(
      true
    );
    for (const file of files) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(WEBHOOK_URL);
    }
  });
});
