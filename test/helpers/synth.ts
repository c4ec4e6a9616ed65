import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  assertBundledConfig,
  DEFAULT_BUNDLE_DIR,
} from '../../infra/bundle-record.js';
import {
  DEFAULT_CONFIG_FILE,
  loadNotifierConfig,
} from '../../infra/notifier-config.js';
import { REPO_ROOT } from './events.js';

const bundledExample = (): boolean => {
  try {
    assertBundledConfig(
      DEFAULT_BUNDLE_DIR,
      loadNotifierConfig(join(REPO_ROOT, DEFAULT_CONFIG_FILE)),
      (path) => path
    );
    return true;
  } catch {
    return false;
  }
};

/**
 * Builds `dist/notify-findings` (and its zip) and `dist/relay-slack` with
 * the example config when one is missing or was built from another config
 * (a few s idle). The global setup calls it once before the tests.
 */
export const ensureBundle = (): void => {
  if (
    !existsSync(join(REPO_ROOT, 'dist/notify-findings/index.mjs')) ||
    !existsSync(join(REPO_ROOT, 'dist/notify-findings.zip')) ||
    !existsSync(join(REPO_ROOT, 'dist/relay-slack/index.mjs')) ||
    !bundledExample()
  ) {
    execFileSync(
      'npx',
      ['tsx', 'scripts/build.ts', '--config', DEFAULT_CONFIG_FILE],
      {
        cwd: REPO_ROOT,
        stdio: 'ignore',
      }
    );
  }
};

/** One cdk-nag plugin's result in the cloud assembly's validation report. */
export type NagReport = {
  readonly pluginName: string;
  readonly conclusion: string;
  readonly violations: readonly { ruleName: string }[];
  readonly suppressedViolations: readonly {
    ruleName: string;
    acknowledgedId: string;
    reason: string;
    violatingConstructs: readonly { constructPath: string }[];
  }[];
};

export type Synthesized = {
  readonly template: Template;
  readonly json: Record<string, unknown>;
  readonly nag: readonly NagReport[];
};

/**
 * Synthesizes an app offline, once: the stack's template (for
 * `aws-cdk-lib/assertions`) and the cdk-nag validation report.
 */
export const synthesize = (
  build: (app: App) => Stack,
  context: Record<string, string> = {}
): Synthesized => {
  const outdir = mkdtempSync(join(tmpdir(), 'notifier-cdk-'));
  // Path metadata lets tests find resources by construct id, not hashed ids.
  const app = new App({
    outdir,
    context: { 'aws:cdk:enable-path-metadata': true, ...context },
  });
  const stack = build(app);
  const assembly = app.synth();
  const json = assembly.getStackByName(stack.stackName).template as Record<
    string,
    unknown
  >;
  const reportFile = join(outdir, 'validation-report.json');
  const nag = existsSync(reportFile)
    ? (
        JSON.parse(readFileSync(reportFile, 'utf8')) as {
          pluginReports: NagReport[];
        }
      ).pluginReports
    : [];
  return { template: Template.fromJSON(json), json, nag };
};
