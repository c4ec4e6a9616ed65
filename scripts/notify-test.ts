import { SNSClient } from '@aws-sdk/client-sns';
import { DEFAULT_CONFIG_FILE } from '../infra/notifier-config.js';
import { notifyTestCommand } from '../src/notify-test/notify-test-command.js';
import { regionalSnsClients } from '../src/publish/regional-sns-clients.js';
import { SNS_CLIENT_OPTIONS } from '../src/publish/sns-client-options.js';

// `npm run notify-test -- --route NAME [--send]`: see --help.
process.exitCode = await notifyTestCommand(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
  defaults: {
    config: process.env.CONFIG_FILE ?? DEFAULT_CONFIG_FILE,
    events: 'events',
  },
  // The user's credentials (AWS_PROFILE, environment, SSO), in the topic's Region.
  clientFor: regionalSnsClients(
    (region) => new SNSClient({ ...SNS_CLIENT_OPTIONS, region })
  ),
});
