import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/parse-config.js';
import { createRouter } from '../../../src/routing/router.js';
import { aFinding } from '../../helpers/a-finding.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const topic = (name: string) => `arn:aws:sns:us-east-1:123456789012:${name}`;

const routerFor = (yaml: string) =>
  createRouter(parseConfig(yaml, 'test.yaml'));

const routedNames = (result: ReturnType<ReturnType<typeof createRouter>>) =>
  result.kind === 'routed' ? result.routes.map((route) => route.name) : [];

describe('Function: createRouter', () => {
  it('sends a finding to every route it matches, in order', () => {
    // Prepare
    const route = routerFor(`
routes:
  - { name: high, topicArn: ${topic('a')}, match: { severity: { min: HIGH } } }
  - { name: critical, topicArn: ${topic('b')}, match: { severity: CRITICAL } }
  - { name: all, topicArn: ${topic('c')} }
`);

    // Act
    const result = route(aFinding(), NOW);

    // Assess
    expect(routedNames(result)).toEqual(['high', 'all']);
  });

  it('stops evaluating later routes after a matched route with stop', () => {
    // Prepare
    const route = routerFor(`
routes:
  - { name: team, topicArn: ${topic('a')}, match: { tags: { team: payments } }, stop: true }
  - { name: all, topicArn: ${topic('b')} }
`);

    // Act & Assess
    expect(routedNames(route(aFinding(), NOW))).toEqual(['team']);
  });

  it('matches a route when any of its conditions holds', () => {
    // Prepare
    const route = routerFor(`
routes:
  - name: team
    topicArn: ${topic('a')}
    match:
      - account: '210987654321'
      - tags: { team: payments }
`);

    // Act & Assess
    expect(routedNames(route(aFinding(), NOW))).toEqual(['team']);
  });

  it('filters a finding excluded by tag (key in any case) and names the tag', () => {
    // Prepare
    const route = routerFor(`
routes:
  - name: security
    topicArn: ${topic('a')}
    exclude: { tags: { InspectorEc2Exclusion: true } }
`);
    const finding = aFinding();
    const excluded = aFinding({
      resources: [
        {
          ...finding.resources[0],
          // Tag keys match in any case.
          tags: { inspectorec2exclusion: 'true' },
        } as never,
      ],
    });

    // Act
    const result = route(excluded, NOW);

    // Assess
    expect(result).toEqual({
      kind: 'filtered',
      reason:
        'no route matched (security: excluded by tags InspectorEc2Exclusion (present))',
    });
    expect(routedNames(route(finding, NOW))).toEqual(['security']);
  });

  it('filters a finding below every threshold with each route named', () => {
    // Prepare
    const route = routerFor(`
routes:
  - { name: critical, topicArn: ${topic('a')}, match: { severity: CRITICAL } }
  - { name: network, topicArn: ${topic('b')}, match: { type: NETWORK_REACHABILITY } }
`);

    // Act
    const result = route(aFinding(), NOW);

    // Assess
    expect(result).toEqual({
      kind: 'filtered',
      reason:
        'no route matched (critical: severity HIGH is not CRITICAL; network: type PACKAGE_VULNERABILITY is not NETWORK_REACHABILITY)',
    });
  });

  describe('default status rule', () => {
    const route = routerFor(`
routes:
  - { name: plain, topicArn: ${topic('a')} }
  - { name: resolutions, topicArn: ${topic('b')}, announceResolutions: true }
  - { name: suppressed-too, topicArn: ${topic('c')}, match: { status: { lifecycle: [OPEN, SUPPRESSED] } } }
  - { name: notified-too, topicArn: ${topic('d')}, match: { status: { workflow: [NEW, NOTIFIED] } } }
  - { name: acknowledging, topicArn: ${topic('e')}, acknowledge: true }
`);

    it.each([
      {
        case: 'an open Inspector finding',
        status: { lifecycle: 'OPEN', provider: 'ACTIVE' },
        routes: ['plain', 'resolutions', 'suppressed-too', 'acknowledging'],
      },
      {
        case: 'a suppressed Inspector finding',
        status: { lifecycle: 'SUPPRESSED', provider: 'SUPPRESSED' },
        routes: ['suppressed-too'],
      },
      {
        case: 'a closed Inspector finding',
        status: { lifecycle: 'RESOLVED', provider: 'CLOSED' },
        routes: ['resolutions'],
      },
      {
        case: 'a NEW Security Hub finding',
        status: { lifecycle: 'OPEN', workflow: 'NEW', record: 'ACTIVE' },
        routes: [
          'plain',
          'resolutions',
          'suppressed-too',
          'notified-too',
          'acknowledging',
        ],
      },
      {
        case: 'a NOTIFIED Security Hub finding',
        status: { lifecycle: 'OPEN', workflow: 'NOTIFIED', record: 'ACTIVE' },
        // A route that acknowledges cannot tell its own NOTIFIED from others.
        routes: ['notified-too', 'acknowledging'],
      },
      {
        case: 'an archived Security Hub finding',
        status: { lifecycle: 'RESOLVED', workflow: 'NEW', record: 'ARCHIVED' },
        routes: ['resolutions'],
      },
    ] as const)('routes $case to $routes', ({ status, routes }) => {
      // Act
      const result = route(aFinding({ status }), NOW);

      // Assess
      expect(routedNames(result)).toEqual(routes);
    });
  });

  describe('suppressions', () => {
    const route = routerFor(`
routes:
  - { name: all, topicArn: ${topic('a')} }
suppressions:
  - name: accepted-risk
    reason: accepted until the AMI refresh
    expires: 2026-07-01
    match: { vulnerabilityIds: CVE-2024-6387 }
`);

    it('suppresses a matching finding, naming the rule and its reason', () => {
      // Act
      const result = route(aFinding(), NOW);

      // Assess
      expect(result).toEqual({
        kind: 'suppressed',
        rule: 'accepted-risk',
        reason: 'accepted until the AMI refresh',
      });
    });

    it('applies through the expiry date and no longer after it', () => {
      // Act
      const lastDay = route(aFinding(), new Date('2026-07-01T23:59:59Z'));
      const result = route(aFinding(), new Date('2026-07-02T00:00:00Z'));

      // Assess
      expect(lastDay.kind).toBe('suppressed');
      expect(routedNames(result)).toEqual(['all']);
    });

    it('leaves other findings alone', () => {
      // Prepare
      const other = aFinding({
        vulnerability: {
          ...aFinding().vulnerability,
          ids: ['CVE-2023-1'],
        } as never,
      });

      // Act & Assess
      expect(routedNames(route(other, NOW))).toEqual(['all']);
    });
  });

  it('uses the route dedup window, else the global one', () => {
    // Prepare
    const route = routerFor(`
routes:
  - { name: own, topicArn: ${topic('a')}, dedupWindowHours: 2 }
  - { name: global, topicArn: ${topic('b')} }
dedup: { windowHours: 48 }
`);

    // Act
    const result = route(aFinding(), NOW);

    // Assess
    expect(
      result.kind === 'routed' && result.routes.map((r) => r.dedupWindowMs)
    ).toEqual([2 * 3_600_000, 48 * 3_600_000]);
  });
});
