import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployedNodeFlags } from '../../bench/lambda-launch.js';
import { machineNode } from '../../bench/node-runtimes.js';
import { workloadRunner } from '../../bench/run-workload.js';
import { writeSamples } from '../../bench/synthetic-events.js';
import { FUNCTION_NODE_OPTIONS } from '../../infra/function-runtime.js';

type LargestBatch = { records: number; bytes: number; failed: number };

describe('Heap sizes: the largest invocation fits', () => {
  it('handles a 6 MB SQS batch of distinct findings on three routes under the deployed heap sizes', async () => {
    // Prepare: the bench's workload, bundled as the function is, started as
    // Lambda starts the function (its flags, then the deployed heap sizes).
    const scratch = mkdtempSync(join(tmpdir(), 'largest-batch-'));
    const samples = join(scratch, 'samples.json');
    writeSamples(samples);
    const run = await workloadRunner(scratch);

    // Act: a process that runs out of heap exits non-zero and throws here.
    const result = run<LargestBatch>(
      machineNode(),
      { nodeOptions: FUNCTION_NODE_OPTIONS, nodeFlags: deployedNodeFlags() },
      { mode: 'largest-batch', config: 'formats', samples }
    );

    // Assess: filled to Lambda's 6 MB, every record done.
    expect(result.bytes).toBeGreaterThan(6 * 2 ** 20 - 8_192);
    expect(result.bytes).toBeLessThanOrEqual(6 * 2 ** 20);
    expect(result.records).toBeGreaterThan(1_000);
    expect(result.failed).toBe(0);
  }, 300_000);
});
