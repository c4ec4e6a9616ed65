import { MESSAGE_FORMATS } from '../src/config/message-formats.js';

/** A config document as the build bundles it (validated at init by the function). */
type ConfigDocument = {
  readonly routes: ReadonlyArray<Record<string, unknown>>;
};

const route = (format: string) => ({
  name: `bench-${format}`,
  topicArn: `arn:aws:sns:us-east-1:123456789012:bench-${format}`,
  format,
  announceResolutions: true,
});

/**
 * The routes a benchmark runs: `formats` has one route per message format,
 * so every format is rendered for every finding a route takes; `slack` one
 * Slack route, the shape of the single-webhook peers.
 */
export const BENCH_CONFIGS = {
  formats: { routes: MESSAGE_FORMATS.map(route) },
  slack: { routes: [route('slack')] },
} satisfies Record<string, ConfigDocument>;

export type BenchConfigName = keyof typeof BENCH_CONFIGS;
