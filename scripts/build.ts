import {
  chmod,
  copyFile,
  mkdir,
  readdir,
  rm,
  writeFile,
} from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import {
  bundledConfigText,
  writeBundledConfig,
} from '../infra/bundle-record.js';
import { writeDeploymentZip } from '../infra/deployment-zip.js';
import { functionBundleOptions } from '../infra/function-bundle-options.js';
import { HEAP_WRAPPER_NAME } from '../infra/function-runtime.js';
import {
  BUNDLED_CONFIG_NAME,
  BUNDLED_CONFIG_PATH,
  DEFAULT_CONFIG_FILE,
  loadNotifierConfig,
} from '../infra/notifier-config.js';
import { configFromText } from '../src/config/config-text.js';
import {
  VALIDATED_CONFIG_NAME,
  validatedConfigJson,
} from '../src/config/validated-config.js';

/**
 * Bundles every handler in `functions/` to `dist/<function>/index.mjs`
 * (`functionBundleOptions`). CDK and SAM both deploy this one artifact.
 *
 * The validated config (`--config FILE`, env `CONFIG_FILE`, default
 * `config/example.yaml`) is written next to each bundle as
 * `notifier-config.json`; the function reads it through
 * `NOTIFIER_CONFIG_FILE=/var/task/notifier-config.json`. A config the
 * function would refuse at cold start fails the build. What validating that
 * JSON gave goes beside it (`notifier-config.validated.json`): the function
 * uses it for exactly that text, and loads no schema at cold start. Which file it was,
 * and the bundled JSON's SHA-256, go to `dist/bundled-config.json`, so the
 * CDK app and `sam:params` refuse to deploy this bundle with another config.
 * `--outdir DIR` builds elsewhere than `dist` (tests).
 */
const { values } = parseArgs({
  options: {
    config: { type: 'string' },
    outdir: { type: 'string', default: 'dist' },
  },
  allowPositionals: false,
});
const configFile =
  values.config ?? process.env.CONFIG_FILE ?? DEFAULT_CONFIG_FILE;
const notifierConfig = loadNotifierConfig(configFile);
const dist = values.outdir;

const entries = (await readdir('functions')).filter((file) =>
  file.endsWith('.ts')
);

for (const file of entries) {
  const name = basename(file, '.ts');
  await rm(`${dist}/${name}`, { recursive: true, force: true });
  await build(functionBundleOptions(`functions/${file}`, `${dist}/${name}`));
}

// Every function reads the same config (the Slack relay its routes' webhook
// secrets); the record of which config it was is the same for all. The
// bundled text is validated as the function would validate it.
const text = bundledConfigText(notifierConfig);
const validated = validatedConfigJson({
  text,
  config: await configFromText(text, BUNDLED_CONFIG_PATH),
});
// The notifier's heap sizes (infra/function-runtime.ts) are set by its
// Lambda exec wrapper, which must be executable in the deployment package.
const notifierWrapper = `${dist}/notify-findings/${HEAP_WRAPPER_NAME}`;
await copyFile(`functions/${HEAP_WRAPPER_NAME}`, notifierWrapper);
await chmod(notifierWrapper, 0o755);

for (const file of entries) {
  const name = basename(file, '.ts');
  await mkdir(`${dist}/${name}`, { recursive: true });
  const record = writeBundledConfig(`${dist}/${name}`, notifierConfig);
  await writeFile(`${dist}/${name}/${VALIDATED_CONFIG_NAME}`, validated);
  console.log(
    `  ${dist}/${name}/${BUNDLED_CONFIG_NAME}  (validated from ${configFile}, sha256 ${record.sha256.slice(0, 12)})`
  );
}

// What CDK and SAM deploy of the notifier: its folder zipped with the modes
// written out, so the heap wrapper is executable whichever OS built it. The
// relay has no wrapper and deploys as its folder.
writeDeploymentZip(`${dist}/notify-findings`, `${dist}/notify-findings.zip`, [
  HEAP_WRAPPER_NAME,
]);
console.log(`  ${dist}/notify-findings.zip`);
