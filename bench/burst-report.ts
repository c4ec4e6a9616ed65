import { mkdirSync, writeFileSync } from 'node:fs';
import { runBurstBench } from './burst.js';

/**
 * `npm run bench`, burst part: the burst at the default 20 s batching
 * window and at the largest (300 s), a table per window, and
 * bench/results/burst.json.
 */
export const reportBurst = async (): Promise<void> => {
  const windows = [20, 300];
  const results: Record<string, unknown> = {};
  for (const seconds of windows) {
    process.stderr.write(
      `bench: burst, 10,000 findings, ${seconds} s window...\n`
    );
    const routes = await runBurstBench(10_000, seconds * 1000);
    results[`${seconds}s`] = routes;
    process.stdout.write(
      `\nburst: 10,000 findings in 5 min, batching window ${seconds} s (holds: ≤ 60 messages in any 60 s, messages ≤ 2% of findings, every CRITICAL/HIGH named, every finding in exactly one message)\n`
    );
    process.stdout.write(
      'route                   findings  messages  max/60s  msg/finding  named  once  holds\n'
    );
    for (const route of routes) {
      process.stdout.write(
        `${route.route.padEnd(24)}${String(route.findings).padStart(8)}${String(route.messages).padStart(10)}${String(route.maxIn60s).padStart(9)}${`${(route.messagesPerFinding * 100).toFixed(1)}%`.padStart(13)}  ${route.namedHighAndCritical.padEnd(10)} ${route.everyFindingOnce ? 'yes' : 'NO '}  ${route.holds ? 'yes' : 'NO'}\n`
      );
    }
  }
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/burst.json',
    `${JSON.stringify({ measuredAt: new Date().toISOString(), ...results }, null, 2)}\n`
  );
};
