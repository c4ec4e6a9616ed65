import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parse-config.js';
import type { DedupStore } from '../../../src/dedup/dedup-store.js';
import { createMemoryDedupStore } from '../../../src/dedup/memory-store.js';
import { aLog, anInvocation, NO_WAIT } from '../../helpers/delivery-rig.js';
import {
  findingArn,
  inspector2EventFor,
} from '../../helpers/finding-events.js';

const CONFIG = parseConfig(
  `
routes:
  - name: security
    topicArn: arn:aws:sns:eu-central-1:123456789012:security
  - name: everything
    topicArn: arn:aws:sns:eu-central-1:123456789012:all
`,
  'route-claims.test.yaml'
);

const NOW = new Date('2026-03-01T12:00:00Z');

/** A store whose claims on one route wait until `releaseHeld`, then throw. */
const aStore = (failing: string, memory: DedupStore) => {
  const started: string[] = [];
  let releaseHeld: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    releaseHeld = resolve;
  });
  const store: DedupStore = {
    ...memory,
    claim: async (request) => {
      started.push(request.key);
      if (request.key.startsWith(`${failing}#`)) {
        await held;
        throw new Error('DynamoDB is unreachable');
      }
      return memory.claim(request);
    },
  };
  return { store, started, releaseHeld };
};

describe("A finding's route claims", () => {
  it('go out together, and a failed one releases the others before the error propagates', async () => {
    // Prepare
    const memory = createMemoryDedupStore();
    const { store, started, releaseHeld } = aStore('security', memory);
    const invoke = anInvocation({
      config: CONFIG,
      dedup: store,
      now: () => NOW,
      log: aLog(),
      claimWait: NO_WAIT,
    });
    const event = inspector2EventFor({ arn: findingArn(7), severity: 'HIGH' });

    // Act
    const invocation = invoke(event);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const startedWhileOneWaits = [...started];
    releaseHeld();

    // Assess
    await expect(invocation).rejects.toThrow('DynamoDB is unreachable');
    expect(startedWhileOneWaits).toHaveLength(2);
    const otherKey = started.find((key) => key.startsWith('everything#'));
    if (!otherKey) throw new Error('no claim on the other route');
    const again = await memory.claim({
      key: otherKey,
      state: { severity: 'HIGH', lifecycle: 'OPEN', fingerprint: 'x' },
      now: NOW,
      windowMs: 3_600_000,
      announceResolutions: false,
    });
    expect(again.kind).toBe('claimed');
  });
});
