import type { Benchmark, BudgetRow } from './bench-kit.js';
import { type RouteBurst, runBurstBench } from './burst.js';

/** The default window (the budget's) and, for information, the largest Lambda allows. */
const DEFAULT_WINDOW_S = 20;
const WINDOWS_S = [DEFAULT_WINDOW_S, 300] as const;
const FINDINGS = 10_000;

const BUDGET =
  '≤ 60 messages in any 60 s; messages ≤ 2 % of findings; every CRITICAL and HIGH named; every finding in exactly one message';

/** The budget's parts this route misses. */
const missed = (route: RouteBurst): string[] => {
  const [named = 0, urgent = 0] = route.namedHighAndCritical
    .split('/')
    .map(Number);
  return [
    ...(route.maxIn60s > 60 ? ['rate'] : []),
    ...(route.messagesPerFinding > 0.02 ? ['2 %'] : []),
    ...(named < urgent ? ['named'] : []),
    ...(route.everyFindingOnce ? [] : ['exactly once']),
  ];
};

const describe = (route: RouteBurst): string =>
  `${missed(route).length > 0 ? `misses ${missed(route).join(', ')}: ` : ''}${route.messages.toLocaleString('en-US')} messages for ${route.findings.toLocaleString('en-US')} findings (${(route.messagesPerFinding * 100).toFixed(1)} %), at most ${route.maxIn60s} in any 60 s, CRITICAL+HIGH named ${route.namedHighAndCritical}, ${route.everyFindingOnce ? 'each finding in one message' : 'SOME FINDING NOT IN EXACTLY ONE MESSAGE'}`;

/**
 * Buffered mode under a burst (issue 12): 10,000 distinct findings of every
 * handled kind in 5 minutes through the real handler with the default
 * config, at the default 20 s window and at 300 s. In-process on the
 * machine's Node: the figures are message counts, not speeds.
 */
export const burstBench: Benchmark = {
  name: 'burst',
  run: async () => {
    const rows: BudgetRow[] = [];
    for (const seconds of WINDOWS_S) {
      process.stderr.write(
        `bench: burst, ${FINDINGS.toLocaleString('en-US')} findings, ${seconds} s window...\n`
      );
      const routes = await runBurstBench(FINDINGS, seconds * 1000);
      for (const route of routes) {
        rows.push({
          measure: `burst, ${seconds} s window: route ${route.route}`,
          result: describe(route),
          ...(seconds === DEFAULT_WINDOW_S
            ? { budget: BUDGET, holds: route.holds }
            : {
                budget: `(informational: the budget is for the default ${DEFAULT_WINDOW_S} s window)`,
              }),
          figures: { windowSeconds: seconds, ...route },
        });
      }
    }
    return rows;
  },
};
