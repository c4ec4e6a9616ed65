import type { Config } from './config-schema.js';

/** `arn:aws:sns:<region>:<account>:<name>` → `<region>` (validated by the schema). */
export const topicRegionOf = (topicArn: string): string =>
  topicArn.split(':')[3] ?? '';

/** The distinct Regions of the route topics, in route order. */
export const topicRegions = (config: Config): string[] => [
  ...new Set(config.routes.map((route) => topicRegionOf(route.topicArn))),
];

/**
 * The route topics' Regions that `allowTopicRegions` does not list: the
 * function must be deployed in that Region, so there may be at most one.
 */
export const unallowedTopicRegions = (config: Config): string[] =>
  topicRegions(config).filter(
    (region) => !config.allowTopicRegions.includes(region)
  );
