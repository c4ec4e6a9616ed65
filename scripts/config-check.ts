import { existsSync } from 'node:fs';
import { checkConfigCommand } from '../src/config/check-command.js';
import { parseEvent } from '../src/event-kinds/parse-event.js';
import { readInputs } from '../src/replay/read-inputs.js';
import { unreachedRoutes } from '../src/routing/route-reach.js';

const SAMPLES = 'events';

process.exitCode = await checkConfigCommand(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
  // Routes none of the sample events in events/ reaches are worth a look.
  moreWarnings: async (config) => {
    if (!existsSync(SAMPLES)) return [];
    const findings = (await readInputs([SAMPLES])).flatMap((input) => {
      if (!('event' in input)) return [];
      const parsed = parseEvent(input.event);
      return parsed.kind === 'findings' ? parsed.findings : [];
    });
    return unreachedRoutes(config, findings, new Date()).map(
      (name) =>
        `route "${name}" matches none of the ${findings.length} sample findings in ${SAMPLES}/; check its conditions, or replay your own events: npm run replay -- --config FILE DIR`
    );
  },
});
