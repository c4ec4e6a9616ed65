import { assertBundledConfig, DEFAULT_BUNDLE_DIR } from '../bundle-record.js';
import {
  assertTopicRegions,
  DEFAULT_CONFIG_FILE,
  loadNotifierConfig,
} from '../notifier-config.js';
import { samParameters } from './sam-parameters.js';

// `npm run sam:params [-- config.yaml]`: the `--parameter-overrides` value
// for `sam deploy` with the config `npm run build` bundled (refused when the
// bundle was built from another config).
const configFile =
  process.argv[2] ?? process.env.CONFIG_FILE ?? DEFAULT_CONFIG_FILE;
try {
  const file = loadNotifierConfig(configFile);
  assertTopicRegions(file);
  assertBundledConfig(
    DEFAULT_BUNDLE_DIR,
    file,
    (path) => `\`npm run sam:params -- ${path}\``
  );
} catch (error) {
  console.error(`sam:params: ${(error as Error).message}`);
  process.exit(2);
}
const overrides = Object.entries(samParameters(configFile))
  .map(([key, value]) => `${key}="${value}"`)
  .join(' ');
console.log(overrides);
