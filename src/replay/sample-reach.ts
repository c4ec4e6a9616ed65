import type { Config } from '../config/config-schema.js';
import { parseEvent } from '../event-kinds/parse-event.js';
import { loadEventSchemas } from '../events/event-schema-loader.js';
import { unreachedRoutes } from '../routing/route-reach.js';
import { readInputs } from './read-inputs.js';

/**
 * Warnings for routes none of the sample events in `dir` reaches (with the
 * config's suppressions and default status rules), for `config:check`.
 */
export const sampleReachWarnings = async (
  config: Config,
  dir: string,
  now: Date
): Promise<string[]> => {
  await loadEventSchemas();
  const findings = (await readInputs([dir])).flatMap((input) => {
    if (!('event' in input)) return [];
    const parsed = parseEvent(input.event);
    return parsed.kind === 'findings' ? parsed.findings : [];
  });
  return unreachedRoutes(config, findings, now).map(
    (name) =>
      `route "${name}" matches none of the ${findings.length} sample findings in ${dir}/; check its conditions, or replay your own events: npm run replay -- --config FILE DIR`
  );
};
