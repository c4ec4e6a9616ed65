import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { powertoolsEmitter } from '../../../src/observability/powertools-emitter.js';

type Emf = Record<string, unknown> & {
  _aws: {
    CloudWatchMetrics: Array<{
      Dimensions: string[][];
      Metrics: Array<{ Name: string; Unit: string }>;
    }>;
  };
};

/** The EMF documents Powertools writes to stdout. */
const captureEmf = () => {
  const documents: Emf[] = [];
  const spy = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      for (const text of String(chunk).split('\n'))
        if (text.trim()) documents.push(JSON.parse(text) as Emf);
      return true;
    });
  return { documents, restore: () => spy.mockRestore() };
};

const aMetrics = () =>
  new Metrics({ namespace: 'FindingsNotifier', serviceName: 'svc' });

describe('powertoolsEmitter', () => {
  let output: ReturnType<typeof captureEmf> | undefined;
  afterEach(() => output?.restore());

  it("writes one EMF document per group with all of the group's outcome counts", () => {
    // Prepare
    output = captureEmf();
    const emitter = powertoolsEmitter(aMetrics());

    // Act
    emitter.emit(
      { route: 'security', severity: 'HIGH' },
      new Map([
        ['published', 2],
        ['duplicate', 1],
      ])
    );

    // Assess
    expect(output.documents).toHaveLength(1);
    const [document] = output.documents;
    expect(document?._aws.CloudWatchMetrics[0]?.Dimensions).toEqual([
      ['service', 'route', 'severity'],
    ]);
    expect(
      document?._aws.CloudWatchMetrics[0]?.Metrics.map((metric) => metric.Name)
    ).toEqual(['published', 'duplicate']);
    expect(document).toMatchObject({
      service: 'svc',
      route: 'security',
      severity: 'HIGH',
      published: 2,
      duplicate: 1,
    });
  });

  it("does not carry a group's dimensions or counts into the next document", () => {
    // Prepare
    output = captureEmf();
    const emitter = powertoolsEmitter(aMetrics());

    // Act
    emitter.emit(
      { route: 'security', severity: 'HIGH' },
      new Map([['published', 1]])
    );
    emitter.emit({}, new Map([['rejected', 1]]));

    // Assess
    const [, eventLevel] = output.documents;
    expect(eventLevel?._aws.CloudWatchMetrics[0]?.Dimensions).toEqual([
      ['service'],
    ]);
    expect(eventLevel).toMatchObject({ service: 'svc', rejected: 1 });
    expect(eventLevel).not.toHaveProperty('route');
    expect(eventLevel).not.toHaveProperty('severity');
    expect(eventLevel).not.toHaveProperty('published');
  });

  it('writes nothing for a group without counts', () => {
    // Prepare
    output = captureEmf();
    const emitter = powertoolsEmitter(aMetrics());

    // Act
    emitter.emit({ route: 'security' }, new Map());

    // Assess
    expect(output.documents).toEqual([]);
  });
});
