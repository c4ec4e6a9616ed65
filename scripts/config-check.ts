import { existsSync } from 'node:fs';
import { checkConfigCommand } from '../src/config/check-command.js';
import { sampleReachWarnings } from '../src/replay/sample-reach.js';

const SAMPLES = 'events';

process.exitCode = await checkConfigCommand(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
  // Routes none of the sample events in events/ reaches are worth a look.
  moreWarnings: async (config) =>
    existsSync(SAMPLES) ? sampleReachWarnings(config, SAMPLES, new Date()) : [],
});
