import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config/parse-config.js';
import { createMemoryDedupStore } from '../../src/dedup/memory-store.js';
import {
  createNotifierHandler,
  createObservability,
} from '../../src/handler/notifier-handler.js';
import { createLocalSink } from '../../src/publish/local-sink.js';
import type { Publisher } from '../../src/publish/publisher.js';
import { fakeContext } from '../helpers/context.js';
import { anInspector2Event } from '../helpers/events.js';

const CONFIG = parseConfig(
  `
routes:
  - name: security
    topicArn: arn:aws:sns:eu-central-1:123456789012:findings-security
    match: { severity: { min: HIGH } }
`,
  'observability.test.yaml'
);

/** HIGH 7.5: reaches the route. */
const highEvent = anInspector2Event(
  'lambda-package-vuln-high-exploit-available-docs'
);
/** MEDIUM: below the route's threshold. */
const mediumEvent = anInspector2Event('ecr-package-vuln-medium-active-docs');

type Line = Record<string, unknown>;

/**
 * What the real Powertools Logger and Metrics write, as the function runs
 * them: JSON lines on stdout, and ERROR lines on stderr.
 */
const captureOutput = () => {
  const lines: Line[] = [];
  const collect = (chunk: string | Uint8Array) => {
    for (const text of String(chunk).split('\n'))
      if (text.trim()) lines.push(JSON.parse(text) as Line);
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(collect),
    vi.spyOn(process.stderr, 'write').mockImplementation(collect),
  ];
  return {
    lines,
    restore: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
};

const decisionLines = (lines: readonly Line[]) =>
  lines.filter((line) => typeof line.outcome === 'string');

const emfDocuments = (lines: readonly Line[]) =>
  lines.filter((line) => line._aws !== undefined) as Array<
    Line & {
      _aws: {
        CloudWatchMetrics: Array<{
          Namespace: string;
          Dimensions: string[][];
          Metrics: Array<{ Name: string; Unit: string }>;
        }>;
      };
    }
  >;

describe('Observability: decision log lines and EMF metrics', () => {
  let output: ReturnType<typeof captureOutput>;

  beforeEach(() => {
    output = captureOutput();
  });
  afterEach(() => {
    output.restore();
    vi.unstubAllEnvs();
  });

  /** The handler as the function assembles it (createNotifierHandler). */
  const aHandler = (publisher: Publisher = createLocalSink()) => {
    const { logger, metrics } = createObservability('INFO');
    return createNotifierHandler({
      config: CONFIG,
      logger,
      metrics,
      dedup: createMemoryDedupStore(),
      publisher,
    });
  };

  it('writes one decision line each for a published, a duplicate and a filtered finding', async () => {
    // Prepare
    const handler = aHandler();

    // Act
    await handler(structuredClone(highEvent), fakeContext());
    await handler(structuredClone(highEvent), fakeContext());
    await handler(structuredClone(mediumEvent), fakeContext());

    // Assess
    const decisions = decisionLines(output.lines);
    expect(decisions).toHaveLength(3);
    const [published, duplicate, filtered] = decisions;
    expect(published).toMatchObject({
      level: 'INFO',
      message: 'finding published',
      service: 'findings-notifier',
      eventId: highEvent.id,
      findingId: highEvent.detail.findingArn,
      route: 'security',
      outcome: 'published',
      severity: 'HIGH',
      title: highEvent.detail.title,
    });
    expect(duplicate).toMatchObject({
      level: 'INFO',
      eventId: highEvent.id,
      findingId: highEvent.detail.findingArn,
      route: 'security',
      outcome: 'duplicate',
    });
    expect(duplicate?.reason).toMatch(/within the dedup window/);
    expect(filtered).toMatchObject({
      level: 'INFO',
      eventId: mediumEvent.id,
      findingId: mediumEvent.detail.findingArn,
      outcome: 'filtered',
      severity: 'MEDIUM',
    });
    expect(filtered?.reason).toMatch(/no route/i);
    expect(filtered).not.toHaveProperty('route');
  });

  it('logs no finding text at INFO beyond the title', async () => {
    // Prepare
    const handler = aHandler();

    // Act
    await handler(structuredClone(highEvent), fakeContext());

    // Assess
    const text = JSON.stringify(decisionLines(output.lines));
    expect(text).toContain(highEvent.detail.title);
    expect(text).not.toContain(highEvent.detail.description);
    expect(text).not.toContain('remediation');
  });

  it('emits EMF counts by route and severity at the end of each invocation', async () => {
    // Prepare
    const handler = aHandler();

    // Act
    await handler(structuredClone(highEvent), fakeContext());
    await handler(structuredClone(highEvent), fakeContext());
    await handler(structuredClone(mediumEvent), fakeContext());

    // Assess
    const counts = emfDocuments(output.lines).map((document) => {
      const [directive] = document._aws.CloudWatchMetrics;
      const [metric] = directive?.Metrics ?? [];
      return {
        namespace: directive?.Namespace,
        dimensions: directive?.Dimensions[0],
        name: metric?.Name,
        unit: metric?.Unit,
        value: metric ? document[metric.Name] : undefined,
        route: document.route,
        severity: document.severity,
      };
    });
    expect(counts).toEqual([
      {
        namespace: 'FindingsNotifier',
        dimensions: ['service', 'route', 'severity'],
        name: 'published',
        unit: 'Count',
        value: 1,
        route: 'security',
        severity: 'HIGH',
      },
      {
        namespace: 'FindingsNotifier',
        dimensions: ['service', 'route', 'severity'],
        name: 'duplicate',
        unit: 'Count',
        value: 1,
        route: 'security',
        severity: 'HIGH',
      },
      {
        namespace: 'FindingsNotifier',
        dimensions: ['service', 'severity'],
        name: 'filtered',
        unit: 'Count',
        value: 1,
        route: undefined,
        severity: 'MEDIUM',
      },
    ]);
  });

  it('logs a failed delivery at ERROR and still emits its count when the invocation throws', async () => {
    // Prepare
    const throttled: Publisher = {
      publish: async (messages) =>
        messages.map(() => ({
          ok: false,
          retryable: true,
          code: 'Throttling',
          message: 'Rate exceeded',
        })),
    };
    const handler = aHandler(throttled);

    // Act
    const invocation = handler(structuredClone(highEvent), fakeContext());

    // Assess
    await expect(invocation).rejects.toThrow();
    expect(decisionLines(output.lines)).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        message: 'delivery failed',
        eventId: highEvent.id,
        findingId: highEvent.detail.findingArn,
        route: 'security',
        outcome: 'failed',
        reason: 'Throttling: Rate exceeded',
        retryable: true,
      }),
    ]);
    const [failed] = emfDocuments(output.lines);
    expect(failed?._aws.CloudWatchMetrics[0]?.Metrics[0]?.Name).toBe('failed');
    expect(failed).toMatchObject({ failed: 1, route: 'security' });
  });

  it('emits no metrics with POWERTOOLS_METRICS_DISABLED=true, and still logs every decision', async () => {
    // Prepare
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    const handler = aHandler();

    // Act
    await handler(structuredClone(highEvent), fakeContext());
    await handler(structuredClone(mediumEvent), fakeContext());

    // Assess
    expect(emfDocuments(output.lines)).toEqual([]);
    expect(decisionLines(output.lines).map((line) => line.outcome)).toEqual([
      'published',
      'filtered',
    ]);
  });
});
