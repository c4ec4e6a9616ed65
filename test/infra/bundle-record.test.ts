import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { App } from 'aws-cdk-lib';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { RECORD_NAME } from '../../infra/bundle-record.js';
import { createApp } from '../../infra/cdk/create-app.js';
import { writeDeploymentZip } from '../../infra/deployment-zip.js';
import { HEAP_WRAPPER_NAME } from '../../infra/function-runtime.js';
import { BUNDLED_CONFIG_NAME } from '../../infra/notifier-config.js';
import { configFromText } from '../../src/config/config-text.js';
import {
  parseValidatedConfig,
  VALIDATED_CONFIG_NAME,
} from '../../src/config/validated-config.js';
import { REPO_ROOT, readJson } from '../helpers/events.js';
import { zipModes } from '../helpers/zip-modes.js';

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

  it('zips the notifier with the heap wrapper executable, whatever the file system says', () => {
    // Prepare: the same build, its wrapper as a Windows checkout has it.
    const copy = join(dist, 'no-exec', 'notify-findings');
    cpSync(bundleDir, copy, { recursive: true });
    chmodSync(join(copy, HEAP_WRAPPER_NAME), 0o644);

    // Act
    writeDeploymentZip(copy, `${copy}.zip`, [HEAP_WRAPPER_NAME]);

    // Assess: what the build wrote, byte for byte, and the modes in it.
    const zip = readFileSync(`${copy}.zip`);
    expect(zip.equals(readFileSync(`${bundleDir}.zip`))).toBe(true);
    const modes = zipModes(zip);
    expect(modes.get(HEAP_WRAPPER_NAME)).toBe(0o100755);
    expect(
      [...modes]
        .filter(([name]) => name !== HEAP_WRAPPER_NAME)
        .map(([, mode]) => mode)
    ).toEqual(Array(modes.size - 1).fill(0o100644));
    // Every file of the folder, as it is there.
    const unzipped = unzipSync(zip);
    const files = readdirSync(bundleDir, {
      recursive: true,
      withFileTypes: true,
    })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(bundleDir, join(entry.parentPath, entry.name)));
    expect(Object.keys(unzipped).sort()).toEqual(files.sort());
    for (const name of files)
      expect(
        Buffer.from(unzipped[name] as Uint8Array).equals(
          readFileSync(join(bundleDir, name))
        ),
        name
      ).toBe(true);
  });

  it('deploys the notifier as the zip the build wrote', () => {
    // Act
    const app = new App({
      outdir: mkdtempSync(join(tmpdir(), 'notifier-cdk-')),
      context: { bundleDir, configFile: TEAM },
    });
    createApp(app);
    const assembly = app.synth();

    // Assess: CDK stages file assets as they are.
    const zip = readFileSync(`${bundleDir}.zip`);
    const staged = readdirSync(assembly.directory).filter((name) =>
      name.endsWith('.zip')
    );
    expect(
      staged.some((name) =>
        readFileSync(join(assembly.directory, name)).equals(zip)
      )
    ).toBe(true);
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
