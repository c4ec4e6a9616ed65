import { DEFAULT_CONFIG_FILE } from '../notifier-config.js';
import { samParameters } from './sam-parameters.js';

// `npm run sam:params [-- config.yaml]`: the `--parameter-overrides` value
// for `sam deploy` with the config `npm run build` bundled.
const configFile =
  process.argv[2] ?? process.env.CONFIG_FILE ?? DEFAULT_CONFIG_FILE;
const overrides = Object.entries(samParameters(configFile))
  .map(([key, value]) => `${key}="${value}"`)
  .join(' ');
console.log(overrides);
