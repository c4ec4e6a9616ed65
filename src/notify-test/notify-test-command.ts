import { readFile } from 'node:fs/promises';
import { ConfigError } from '../config/config-error.js';
import type { Config } from '../config/config-schema.js';
import { parseConfig } from '../config/parse-config.js';
import { parseEvent } from '../event-kinds/parse-event.js';
import { loadEventSchemas } from '../events/event-schema-loader.js';
import { didYouMean } from '../filters/did-you-mean.js';
import type { SnsClientForTopic } from '../publish/regional-sns-clients.js';
import { createSnsPublisher } from '../publish/sns-publisher.js';
import { readInputs } from '../replay/read-inputs.js';
import {
  type NotifyTestDefaults,
  parseOptions,
  UsageError,
  usage,
} from './notify-test-options.js';
import { explainPublishFailure } from './publish-failure.js';
import { type SampleFinding, sampleMessage } from './sample-message.js';

export type NotifyTestIo = {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  readonly now: () => Date;
  readonly defaults: NotifyTestDefaults;
  /** The SNS client for a topic (one per Region, `SNS_CLIENT_OPTIONS`). */
  readonly clientFor: SnsClientForTopic;
};

const readConfig = async (path: string): Promise<Config> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(path, [
      `cannot read it: ${(error as Error).message}`,
    ]);
  }
  return parseConfig(text, path);
};

const readSamples = async (path: string): Promise<SampleFinding[]> => {
  const inputs = await readInputs([path]).catch((error: Error) => {
    throw new UsageError(`cannot read sample events ${path}: ${error.message}`);
  });
  await loadEventSchemas();
  return inputs.flatMap((input) => {
    if (!('event' in input)) return [];
    const parsed = parseEvent(input.event);
    return parsed.kind === 'findings'
      ? parsed.findings.map((finding) => ({ file: input.file, finding }))
      : [];
  });
};

const unknownRoute = (name: string, config: Config, file: string): string => {
  const names = config.routes.map((route) => route.name);
  const guess = didYouMean(name, names);
  return `no route "${name}" in ${file}${guess ? `; did you mean "${guess}"?` : ''} (routes: ${names.join(', ')})`;
};

/**
 * `npm run notify-test`: the message a route would publish for a sample
 * finding, printed (dry run) or published to the route's topic; returns
 * the exit status.
 */
export const notifyTestCommand = async (
  argv: readonly string[],
  io: NotifyTestIo
): Promise<number> => {
  try {
    const options = parseOptions(argv);
    if (options.help) {
      io.stdout(usage(io.defaults));
      return 0;
    }
    if (!options.route)
      throw new UsageError('name a route: --route NAME', true);
    const configFile = options.config ?? io.defaults.config;
    const config = await readConfig(configFile);
    const route = config.routes.find((r) => r.name === options.route);
    if (!route)
      throw new UsageError(unknownRoute(options.route, config, configFile));
    const events = options.events ?? io.defaults.events;
    const rendered = sampleMessage(
      config,
      route,
      await readSamples(events),
      io.now()
    );
    if (!rendered) throw new UsageError(`${events}: no sample finding in it`);
    const { message, sample } = rendered;
    const region = message.topicArn.split(':')[3] ?? '';
    io.stdout(
      options.send
        ? `notify-test: publishing to route "${route.name}" (${configFile})`
        : `notify-test: dry run, nothing published (add --send to publish) — route "${route.name}" (${configFile})`
    );
    io.stdout(`  topic:      ${message.topicArn}`);
    io.stdout(`  region:     ${region}`);
    io.stdout(
      `  format:     ${route.format}${route.perProtocol ? ' (per protocol, MessageStructure json)' : ''}`
    );
    io.stdout(`  sample:     ${sample.file} (${sample.finding.id})`);
    io.stdout(`  subject:    ${message.subject}`);
    io.stdout(`  body:       ${Buffer.byteLength(message.body, 'utf8')} bytes`);
    io.stdout(
      `  attributes: ${Object.entries(message.attributes)
        .map(([name, value]) => `${name}=${value}`)
        .join(', ')}`
    );
    if (!rendered.reachesRoute) {
      io.stderr(
        `warning: no sample finding in ${events} reaches route "${route.name}" (its conditions or suppressions leave them out); sending the first sample as this route would format it`
      );
    }
    if (!options.send) return 0;
    const [result] = await createSnsPublisher(io.clientFor).publish([message]);
    if (result?.ok) {
      io.stdout(`published: message id ${result.messageId}`);
      return 0;
    }
    const clientRegion = await io
      .clientFor(message.topicArn)
      .config.region()
      .catch(() => region);
    io.stderr(
      `notify-test: ${explainPublishFailure({
        topicArn: message.topicArn,
        clientRegion,
        code: result?.code ?? 'UnknownError',
        message: result?.message ?? 'no result',
      })}`
    );
    return 1;
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(error.message);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(
        error.showUsage
          ? `notify-test: ${error.message}\n\n${usage(io.defaults)}`
          : `notify-test: ${error.message}`
      );
      return 2;
    }
    throw error;
  }
};
