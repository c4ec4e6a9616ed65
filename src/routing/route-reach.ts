import type { Config } from '../config/config-schema.js';
import type { Finding } from '../findings/finding.js';
import { createRouter } from './router.js';

/**
 * Routes none of the given findings (the sample events) would reach: a
 * hint that a condition asks for something findings do not carry.
 */
export const unreachedRoutes = (
  config: Config,
  findings: readonly Finding[],
  now: Date
): string[] => {
  const route = createRouter(config);
  const reached = new Set<string>();
  for (const finding of findings) {
    const result = route(finding, now);
    if (result.kind === 'routed')
      for (const target of result.routes) reached.add(target.name);
  }
  return config.routes
    .filter((candidate) => !reached.has(candidate.name))
    .map((candidate) => candidate.name);
};
