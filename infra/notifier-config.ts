import { readFileSync } from 'node:fs';
import type { Config } from '../src/config/config-schema.js';
import { parseConfigDocument } from '../src/config/parse-config.js';
import { unallowedTopicRegions } from '../src/config/topic-regions.js';
import { validateConfig } from '../src/config/validate-config.js';

/** The config file deployed when none is chosen (the one the replay uses). */
export const DEFAULT_CONFIG_FILE = 'config/example.yaml';

/** Where the function finds the config bundled next to its code. */
export const BUNDLED_CONFIG_NAME = 'notifier-config.json';
export const BUNDLED_CONFIG_PATH = `/var/task/${BUNDLED_CONFIG_NAME}`;

/** A validated config plus the document it was read from. */
export type NotifierConfigFile = {
  readonly path: string;
  /** The validated configuration, as the function sees it. */
  readonly config: Config;
  /**
   * The file's document as JSON: what is bundled. The parsed `config`
   * holds transformed values (dates, port ranges), so the source document is
   * what the function parses again at cold start.
   */
  readonly document: unknown;
};

/**
 * Reads and validates a config file with the project's own parser, the same
 * one the replay and the function use: a config that would fail the
 * function's cold start fails the build and the synth instead.
 */
export const loadNotifierConfig = (path: string): NotifierConfigFile => {
  const document = parseConfigDocument(readFileSync(path, 'utf8'), path);
  return { path, config: validateConfig(document, path), document };
};

/** The distinct SNS topic ARNs the routes publish to, in route order. */
export const routeTopicArns = (config: Config): string[] => [
  ...new Set(config.routes.map((route) => route.topicArn)),
];

/**
 * The function publishes to each topic with an SNS client in the topic's
 * Region, but only Regions `allowTopicRegions` lists may differ from the
 * one it is deployed to: more than one other Region is refused at synth and
 * `sam:params`, saying what to add.
 */
export const assertTopicRegions = (file: NotifierConfigFile): void => {
  const regions = unallowedTopicRegions(file.config);
  const [first, ...others] = regions;
  if (others.length > 0) {
    const listed = [...file.config.allowTopicRegions, ...others].join(', ');
    throw new Error(
      `${file.path}: route topics are in several Regions (${regions.join(', ')}), but the function publishes only to topics in the Region it is deployed to and those allowTopicRegions lists. To deploy in ${first}, add \`allowTopicRegions: [${listed}]\` to the config (then rebuild), or put every route's topic in one Region.`
    );
  }
};
