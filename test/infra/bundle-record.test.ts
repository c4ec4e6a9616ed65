import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { RECORD_NAME } from '../../infra/bundle-record.js';
import { createApp } from '../../infra/cdk/create-app.js';
import { HEAP_WRAPPER_NAME } from '../../infra/function-runtime.js';
import { BUNDLED_CONFIG_NAME } from '../../infra/notifier-config.js';
import { configFromText } from '../../src/config/config-text.js';
import {
  parseValidatedConfig,
  VALIDATED_CONFIG_NAME,
} from '../../src/config/validated-config.js';
import { REPO_ROOT, readJson } from '../helpers/events.js';

const TEAM = 'test/fixtures/config/team.yaml';

describe('Infra: one config from build to synth', () => {
  const dist = mkdtempSync(join(tmpdir(), 'notifier-build-'));
  const bundleDir = join(dist, 'notify-findings');

  beforeAll(() => {
    // The real build, with the team's config, into a folder of its own.
    execFileSync(
      'npx',
      ['tsx', 'scripts/build.ts', '--config', TEAM, '--outdir', dist],
      { cwd: REPO_ROOT, stdio: 'ignore' }
    );
  }, 120_000);

  it('records which config and hash went into the bundle', () => {
    expect(readJson(join(dist, RECORD_NAME))).toEqual({
      configFile: TEAM,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('ships the heap wrapper executable beside the notifier bundle', () => {
    const shipped = join(bundleDir, HEAP_WRAPPER_NAME);
    expect(readFileSync(shipped, 'utf8')).toBe(
      readFileSync(join(REPO_ROOT, 'functions', HEAP_WRAPPER_NAME), 'utf8')
    );
    expect(statSync(shipped).mode & 0o777).toBe(0o755);
  });

  it('writes beside each bundle what validating its config gave', async () => {
    // Prepare
    const text = readFileSync(join(bundleDir, BUNDLED_CONFIG_NAME), 'utf8');

    // Act
    const validated = parseValidatedConfig(
      readFileSync(join(bundleDir, VALIDATED_CONFIG_NAME), 'utf8')
    );

    // Assess: the function trusts it for exactly the bundled text.
    expect(validated.text).toBe(text);
    expect(validated.config).toStrictEqual(await configFromText(text, TEAM));
  });

  it('refuses to synthesize the bundle with another config and says what to run', () => {
    // Act & Assess: cdk synth without -c configFile reads the example config.
    expect(() => createApp(new App({ context: { bundleDir } }))).toThrow(
      `was built from ${TEAM}, but the topics, rules and IAM would be made from config/example.yaml: deployed, it would publish where it is not allowed to. Run \`CONFIG_FILE=config/example.yaml npm run build\`, or deploy the built config with \`npx cdk deploy -c configFile=${TEAM}\`.`
    );
  });

  it('synthesizes the bundle with the config it was built from', () => {
    // Act
    const stack = createApp(
      new App({ context: { bundleDir, configFile: TEAM } })
    );

    // Assess
    expect(stack.notifier.topics).toHaveLength(1);
  });

  it('refuses another file whose topics differ', () => {
    // Prepare
    const edited = join(dist, 'team-edited.yaml');
    writeFileSync(
      edited,
      `routes:\n  - name: team-security\n    topicArn: arn:aws:sns:us-east-1:123456789012:other\n`
    );

    // Act & Assess
    expect(() =>
      createApp(new App({ context: { bundleDir, configFile: edited } }))
    ).toThrow(/was built from test\/fixtures\/config\/team\.yaml/);
  });

  it('refuses a bundle whose heap wrapper is not executable, as on Windows', () => {
    // Prepare: the same build, its wrapper as a checkout without modes has it.
    const copy = join(dist, 'no-exec', 'notify-findings');
    cpSync(bundleDir, copy, { recursive: true });
    cpSync(join(dist, RECORD_NAME), join(dist, 'no-exec', RECORD_NAME));
    chmodSync(join(copy, HEAP_WRAPPER_NAME), 0o644);

    // Act & Assess
    expect(() =>
      createApp(new App({ context: { bundleDir: copy, configFile: TEAM } }))
    ).toThrow(
      /heap-wrapper\.sh is not executable \(mode 644\): Lambda could not start the function with it\./
    );
  });

  it('refuses to synthesize without a build', () => {
    expect(() =>
      createApp(new App({ context: { bundleDir: join(dist, 'nothing-here') } }))
    ).toThrow(
      /notifier-config\.json is missing: build the function with this config first \(CONFIG_FILE=config\/example\.yaml npm run build\)/
    );
  });
});

describe('Infra: topics in several Regions', () => {
  it('are refused at synth, even with existing topics', () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'regions-'));
    const file = join(dir, 'regions.yaml');
    writeFileSync(
      file,
      [
        'routes:',
        '  - { name: a, topicArn: arn:aws:sns:us-east-1:123456789012:a }',
        '  - { name: b, topicArn: arn:aws:sns:eu-west-1:123456789012:b }',
      ].join('\n')
    );

    // Act & Assess
    expect(() =>
      createApp(
        new App({ context: { configFile: file, existingTopics: 'true' } })
      )
    ).toThrow(
      /route topics are in several Regions \(us-east-1, eu-west-1\), but the function publishes only to topics in the Region it is deployed to and those allowTopicRegions lists/
    );
  });
});
