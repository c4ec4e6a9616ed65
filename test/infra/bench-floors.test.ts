import { describe, expect, it, vi } from 'vitest';
import { BENCH_CONFIGS } from '../../bench/bench-configs.js';
import { type BudgetRow, missedRows } from '../../bench/bench-kit.js';
import { startLoopbackAws } from '../../bench/loopback-aws.js';
import {
  firstFindingFloor,
  throughputFloor,
} from '../../bench/observability-floor.js';
import { observabilityOnlyPipeline } from '../../bench/observability-only.js';
import { benchTable } from '../../bench/report.js';
import { spread } from '../../bench/stats.js';
import { validateConfig } from '../../src/config/validate-config.js';
import { decisionsOf } from '../../src/observability/decisions-of.js';

const row = (holds: boolean | undefined, outOfReach?: string): BudgetRow => ({
  measure: 'figure',
  result: '1',
  budget: '≤ 0',
  ...(holds === undefined ? {} : { holds }),
  ...(outOfReach ? { outOfReach } : {}),
  figures: {},
});

describe('Bench floors', () => {
  it('call a throughput budget out of reach only when the floor alone takes more than the budget allows', () => {
    // Prepare: 12,000 findings/CPU-s allow 83 µs a finding; a floor is out
    // of reach only if its cheapest sample is
    const below = spread([60, 70, 80]);
    const medianAbove = spread([80, 100, 110]);
    const above = spread([90, 100, 110]);

    // Act
    const reachable = throughputFloor(below, 12_000);
    const noisy = throughputFloor(medianAbove, 12_000);
    const unreachable = throughputFloor(above, 12_000);

    // Assess
    expect(reachable.outOfReach).toBeUndefined();
    expect(reachable.text).toContain('84 % of the 83 µs the budget allows');
    expect(noisy.outOfReach).toBeUndefined();
    expect(unreachable.outOfReach).toBe(
      'middy, Powertools Logger and Metrics alone allow at most 11,111 findings/CPU-s'
    );
  });

  it('call the first-finding budget out of reach only when the libraries’ first invocation alone takes longer', () => {
    // Act
    const reachable = firstFindingFloor(spread([2, 2.5, 2.9]), 3);
    const noisy = firstFindingFloor(spread([2.9, 4.4, 5]), 3);
    const unreachable = firstFindingFloor(spread([4, 4.4, 5]), 3);

    // Assess
    expect(reachable.outOfReach).toBeUndefined();
    expect(noisy.outOfReach).toBeUndefined();
    expect(unreachable.outOfReach).toContain(
      'at least 4.0 ms on their first invocation'
    );
  });

  it('count as missed the rows that do not hold, except those out of reach, and print why', () => {
    // Prepare
    const rows = [
      row(true),
      row(false),
      row(false, 'the SDK alone'),
      row(undefined),
    ];

    // Act
    const missed = missedRows(rows);
    const table = benchTable(rows, {
      machine: 'test',
      nodeOptions: '',
      nodeFlags: [],
      runtimes: [],
    });

    // Assess
    expect(missed).toEqual([rows[1]]);
    expect(table).toContain('| **no** |');
    expect(table).toContain('| out of reach: the SDK alone |');
  });

  it('measure the observability of a finding published on every route: one published decision per route', async () => {
    // Prepare
    const config = validateConfig(
      structuredClone(BENCH_CONFIGS.formats),
      'bench formats'
    );
    const pipeline = observabilityOnlyPipeline(config);

    // Act
    const [report] = await pipeline.runBatch([{ id: 'e-1' }]);
    const single = await pipeline.run({ id: 'e-2' });

    // Assess
    for (const each of [report, single]) {
      expect(each?.findings).toHaveLength(1);
      const decisions = each ? decisionsOf(each) : [];
      expect(decisions.map((decision) => decision.route)).toEqual(
        config.routes.map((route) => route.name)
      );
      expect(new Set(decisions.map((decision) => decision.outcome))).toEqual(
        new Set(['published'])
      );
    }
  });

  it('run the cold path’s library floor end to end: the claim in DynamoDB, the SNS publish and the confirm', async () => {
    // Prepare
    const aws = await startLoopbackAws();
    try {
      for (const [name, value] of Object.entries(aws.env))
        vi.stubEnv(name, value);
      vi.resetModules();
      const { handler } = await import('../../bench/library-floor-function.js');
      const event = {
        id: 'floor-test',
        detail: { findingArn: `arn:floor-test-${Date.now()}` },
      };
      const context = (
        await import('../../bench/lambda-context.js')
      ).lambdaContext();
      const write = vi.spyOn(process.stdout, 'write').mockReturnValue(true);

      // Act
      const result = await handler(event, context);
      // The same finding again: its claim exists, so the claim fails.
      const again = handler(event, context);

      // Assess
      await expect(again).rejects.toThrow(/conditional/i);
      write.mockRestore();
      expect(result).toEqual({ findings: [{ outcome: 'published' }] });
    } finally {
      await aws.stop();
    }
  });
});
