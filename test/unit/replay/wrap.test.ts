import { describe, expect, it } from 'vitest';
import { eventsOf } from '../../../src/replay/wrap.js';
import { getTestEvent } from '../../helpers/events.js';

type V2Event = Record<string, unknown> & {
  detail: { findings: Record<string, unknown>[] };
};

const v2Event = (name: string) => getTestEvent<V2Event>('securityhub-v2', name);

const bareFinding = (name: string) => {
  const [finding] = v2Event(name).detail.findings;
  if (!finding) throw new Error(`${name} has no finding`);
  return finding;
};

describe('Function: eventsOf (OCSF findings)', () => {
  it('wraps get-findings-v2 output, finding by finding, in the V2 envelope', () => {
    // Prepare
    const output = {
      Findings: [
        bareFinding('inspector-ec2-package-vuln-high-exploit'),
        bareFinding('cspm-control-s3.8-failed-high'),
      ],
      NextToken: 'abc',
    };

    // Act
    const events = eventsOf(output);

    // Assess
    expect(events.map((event) => event.wrapped)).toEqual([
      'OCSF finding',
      'OCSF finding',
    ]);
    expect(events[0]?.event).toMatchObject({
      'detail-type': 'Findings Imported V2',
      source: 'aws.securityhub',
      account: '123456789012',
      region: 'eu-central-1',
      time: '2026-03-10T08:15:42.118Z',
      resources: [
        '4f1a9c3e7b2d5e8f0a6c1b4d7e9f2a5c8b0d3e6f9a1c4b7d0e2f5a8c1b3d6e9f',
      ],
      detail: { findings: [output.Findings[0]] },
    });
  });

  it('wraps a bare OCSF finding and leaves V2 events and arrays of them as they are', () => {
    // Prepare
    const event = v2Event('guardduty-ec2-ssh-bruteforce-high');
    const bare = bareFinding('macie-s3-sensitive-data-medium');

    // Act
    const [fromBare] = eventsOf(bare);
    const fromArray = eventsOf([event, event]);

    // Assess
    expect(fromBare?.wrapped).toBe('OCSF finding');
    expect(fromArray).toEqual([{ event }, { event }]);
  });

  it('takes the region from the product ARN when cloud is absent', () => {
    // Prepare
    const { cloud: _cloud, ...finding } = bareFinding(
      'inspector-lambda-package-vuln-medium-ocsf-1.5'
    );

    // Act
    const [wrapped] = eventsOf(finding);

    // Assess
    expect(wrapped?.event).toMatchObject({
      account: '000000000000',
      region: 'eu-west-1',
    });
  });
});
