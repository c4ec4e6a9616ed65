import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { basePatterns, type NotifierRule } from '../../infra/event-patterns.js';
import { loadNotifierConfig } from '../../infra/notifier-config.js';
import { notifierRules } from '../../infra/pre-filter.js';
import { parseConfig } from '../../src/config/parse-config.js';
import {
  handledEventKinds,
  parseEvent,
} from '../../src/event-kinds/parse-event.js';
import { EVENT_KINDS } from '../../src/event-kinds/registry.js';
import { eventsOf } from '../../src/replay/wrap.js';
import { createRouter } from '../../src/routing/router.js';
import {
  corpusExists,
  corpusFiles,
  corpusFolders,
  readCorpus,
} from '../helpers/corpus.js';
import {
  matchesPattern,
  patternLeaves,
} from '../helpers/event-pattern-matcher.js';
import { EVENTS_DIR, readJson } from '../helpers/events.js';

type Input = { name: string; event: unknown };

const sampleEvents = (folder: string): Input[] =>
  readdirSync(join(EVENTS_DIR, folder))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      name: `events/${folder}/${file}`,
      event: readJson(join(EVENTS_DIR, folder, file)),
    }));

/**
 * Every corpus input as EventBridge would deliver it: events as they are,
 * API listings and bare ASFF findings wrapped the way the replay wraps them
 * (the envelope EventBridge puts around an imported finding).
 */
const corpusEvents = (): Input[] =>
  corpusFolders().flatMap((folder) =>
    corpusFiles(folder).flatMap((file) =>
      eventsOf(readCorpus(folder, file)).map(({ event }, index) => ({
        name: `corpus/${folder}/${file}#${index}`,
        event,
      }))
    )
  );

const isEventBridgeEvent = (event: unknown): boolean =>
  typeof event === 'object' &&
  event !== null &&
  'source' in event &&
  'detail-type' in event;

const matchingRules = (rules: readonly NotifierRule[], event: unknown) =>
  rules.filter((rule) => matchesPattern(rule.pattern, event)).map((r) => r.id);

const ALL = [
  ...sampleEvents('inspector2'),
  ...sampleEvents('securityhub'),
  ...sampleEvents('securityhub-v2'),
  ...sampleEvents('ignored'),
  ...corpusEvents(),
].filter(({ event }) => isEventBridgeEvent(event));

const HANDLED = ALL.filter(({ event }) => parseEvent(event).kind !== 'ignored');
const NOT_HANDLED = ALL.filter(
  ({ event }) => parseEvent(event).kind === 'ignored'
);

describe('Event patterns: the base rules', () => {
  const rules = basePatterns();

  it('has one rule per event kind in the registry', () => {
    // Act
    const pairs = rules.flatMap((rule) =>
      (rule.pattern.source as string[]).flatMap((source) =>
        (rule.pattern['detail-type'] as string[]).map((detailType) => ({
          source,
          detailType,
        }))
      )
    );

    // Assess
    expect(rules.map((rule) => rule.id)).toEqual([
      'Inspector2Findings',
      'Inspector2OnDemandAmiFindings',
      'SecurityHubFindingsImported',
      'SecurityHubFindingsImportedV2',
      'Inspector2Coverage',
      'Inspector2InitialScans',
      'Inspector2OnDemandScans',
      'SecurityHubCustomActions',
    ]);
    expect(pairs).toEqual(handledEventKinds());
  });

  it('writes every leaf as an array of separate values', () => {
    // Act
    const leaves = [
      ...rules,
      ...notifierRules(
        parseConfig(
          'routes: [{name: r, topicArn: "arn:aws:sns:us-east-1:123456789012:t", match: {severity: {min: MEDIUM}}}]',
          'inline'
        )
      ),
    ].flatMap((rule) => patternLeaves(rule.pattern));

    // Assess
    expect(leaves.length).toBeGreaterThan(0);
    for (const { path, leaf } of leaves) {
      expect(Array.isArray(leaf), path).toBe(true);
      for (const value of leaf) {
        if (typeof value === 'string') expect(value, path).not.toMatch(/,/);
      }
    }
  });

  it('finds handled and not-handled events among the samples and corpus', () => {
    // Assess: the tests below are not vacuous.
    expect(HANDLED.length).toBeGreaterThanOrEqual(corpusExists ? 27 : 24);
    expect(NOT_HANDLED.length).toBeGreaterThanOrEqual(2);
    expect(
      NOT_HANDLED.map(
        ({ event }) => (event as Record<string, string>)['detail-type']
      )
    ).toEqual(
      expect.arrayContaining(['Security Hub Insight Results', 'ECR Image Scan'])
    );
    if (corpusExists) {
      expect(
        NOT_HANDLED.map(
          ({ event }) => (event as Record<string, string>)['detail-type']
        )
      ).toContain('Security Hub Insight Results');
    }
  });

  it.each(HANDLED)('$name matches exactly one rule', ({ event }) => {
    // Act & Assess
    expect(matchingRules(rules, event)).toHaveLength(1);
  });

  it.each(NOT_HANDLED)('$name (not handled) matches no rule', ({ event }) => {
    // Act & Assess
    expect(matchingRules(rules, event)).toEqual([]);
  });
});

/** The base rules of the kinds every route receives: findings, not notices. */
const findingRules = () =>
  basePatterns(
    EVENT_KINDS.filter((kind) => (kind.itemKind ?? 'finding') === 'finding')
  );

describe('Pre-filter: notifierRules(config)', () => {
  const config = (routes: string) =>
    parseConfig(`routes:\n${routes}`, 'inline');
  const route = (name: string, extra: string) =>
    `  - name: ${name}\n    topicArn: arn:aws:sns:us-east-1:123456789012:${name}\n${extra}`;

  it('does not narrow the example config (a route matches any severity)', () => {
    // Act
    const rules = notifierRules(
      loadNotifierConfig('config/example.yaml').config
    );

    // Assess
    expect(rules).toEqual(findingRules());
  });

  it('narrows Security Hub severities when every route requires one', () => {
    // Prepare
    const narrow = config(
      [
        route('a', '    match: { severity: { min: HIGH } }'),
        route('b', '    match: [{ severity: CRITICAL, product: GuardDuty }]'),
      ].join('\n')
    );

    // Act
    const rules = notifierRules(narrow);

    // Assess
    const securityHub = rules.find(
      (rule) => rule.id === 'SecurityHubFindingsImported'
    );
    expect(securityHub?.pattern.detail).toEqual({
      findings: {
        Severity: {
          $or: [
            { Label: ['HIGH', 'CRITICAL'] },
            { Label: [{ exists: false }] },
          ],
        },
      },
    });
    // V2: every severity_id but those of INFORMATIONAL, LOW and MEDIUM
    // (0 Unknown, 99 Other and an absent one are scored or rejected there).
    expect(
      rules.find((rule) => rule.id === 'SecurityHubFindingsImportedV2')?.pattern
        .detail
    ).toEqual({
      findings: {
        $or: [
          { severity_id: [{ 'anything-but': [1, 2, 3] }] },
          { severity_id: [{ exists: false }] },
        ],
      },
    });
    // Inspector2 findings are never narrowed by severity.
    expect(rules.find((rule) => rule.id === 'Inspector2Findings')).toEqual(
      basePatterns()[0]
    );
  });

  it.each([
    {
      case: 'a route without match',
      routes: [
        route('a', '    match: { severity: { min: HIGH } }'),
        route('b', ''),
      ],
    },
    {
      case: 'a condition without severity',
      routes: [
        route(
          'a',
          '    match: [{ severity: { min: HIGH } }, { product: GuardDuty }]'
        ),
      ],
    },
    {
      case: 'a route announcing resolutions',
      routes: [
        route(
          'a',
          '    match: { severity: { min: HIGH } }\n    announceResolutions: true'
        ),
      ],
    },
  ])('does not narrow severities with $case', ({ routes }) => {
    // Act
    const rules = notifierRules(config(routes.join('\n')));

    // Assess
    expect(rules).toEqual(findingRules());
  });

  it('deploys the coverage, scan and custom-action rules only where a route asks, never narrowed by severity', () => {
    // Prepare
    const asking = config(
      [
        route('a', '    match: { severity: { min: HIGH } }'),
        route(
          'b',
          '    match: { coverage: { reason: UNMANAGED_EC2_INSTANCE } }'
        ),
        route(
          'c',
          '    match: { customAction: SendToSlack, severity: CRITICAL }'
        ),
      ].join('\n')
    );

    // Act
    const ids = notifierRules(asking).map((rule) => rule.id);
    const shared = notifierRules(asking).find(
      (rule) => rule.id === 'SecurityHubCustomActions'
    );

    // Assess
    expect(ids).toEqual([
      'Inspector2Findings',
      'Inspector2OnDemandAmiFindings',
      'SecurityHubFindingsImported',
      'SecurityHubFindingsImportedV2',
      'Inspector2Coverage',
      'SecurityHubCustomActions',
    ]);
    expect(shared?.pattern).toEqual({
      source: ['aws.securityhub'],
      'detail-type': ['Security Hub Findings - Custom Action'],
    });
  });

  it('leaves out the rules of a channel no route can match', () => {
    // Prepare
    const inspectorOnly = config(
      route('a', '    match: { source: inspector2 }')
    );

    // Act
    const rules = notifierRules(inspectorOnly);

    // Assess
    expect(rules.map((rule) => rule.id)).toEqual([
      'Inspector2Findings',
      'Inspector2OnDemandAmiFindings',
    ]);
  });

  it.each([
    {
      case: 'severity min HIGH',
      routes: [route('a', '    match: { severity: { min: HIGH } }')],
    },
    {
      case: 'severity list and max',
      routes: [
        route(
          'a',
          '    match: [{ severity: [LOW, CRITICAL] }, { severity: { max: INFORMATIONAL } }]'
        ),
      ],
    },
    {
      case: 'Security Hub only',
      routes: [
        route(
          'a',
          '    match: { source: securityhub, severity: { min: MEDIUM } }'
        ),
      ],
    },
  ])('drops no event a route would announce ($case)', ({ routes }) => {
    // Prepare
    const narrow = config(routes.join('\n'));
    const rules = notifierRules(narrow);
    const route = createRouter(narrow);
    const now = new Date('2026-01-01T00:00:00Z');

    // Act
    const dropped = HANDLED.filter(({ event }) => {
      const parsed = parseEvent(event);
      const announced =
        parsed.kind === 'findings' &&
        parsed.findings.some(
          (finding) => route(finding, now).kind === 'routed'
        );
      return announced && matchingRules(rules, event).length === 0;
    });

    // Assess
    expect(dropped.map(({ name }) => name)).toEqual([]);
  });

  it.each([0, 99, '4', undefined, 4, 6])(
    'lets a V2 finding with severity_id %s through a rule narrowed to HIGH',
    (severityId) => {
      // Prepare
      const [rule] = notifierRules(
        config(route('a', '    match: { severity: { min: HIGH } }'))
      ).filter(({ id }) => id === 'SecurityHubFindingsImportedV2');
      const event = readJson(
        join(
          EVENTS_DIR,
          'securityhub-v2',
          'macie-s3-sensitive-data-medium.json'
        )
      ) as { detail: { findings: Record<string, unknown>[] } };
      const [finding] = event.detail.findings;
      if (!rule || !finding) throw new Error('no V2 rule or finding');
      if (severityId === undefined) delete finding.severity_id;
      else finding.severity_id = severityId;

      // Act & Assess
      expect(matchingRules([rule], event)).toEqual([rule.id]);
    }
  );

  it.each([1, 2, 3])(
    'leaves out a V2 finding with severity_id %i on a rule narrowed to HIGH',
    (severityId) => {
      // Prepare
      const [rule] = notifierRules(
        config(route('a', '    match: { severity: { min: HIGH } }'))
      ).filter(({ id }) => id === 'SecurityHubFindingsImportedV2');
      const event = readJson(
        join(
          EVENTS_DIR,
          'securityhub-v2',
          'macie-s3-sensitive-data-medium.json'
        )
      ) as { detail: { findings: Record<string, unknown>[] } };
      const [finding] = event.detail.findings;
      if (!rule || !finding) throw new Error('no V2 rule or finding');
      finding.severity_id = severityId;

      // Act & Assess
      expect(matchingRules([rule], event)).toEqual([]);
    }
  );

  it('lets fewer events through once narrowed', () => {
    // Prepare
    const rules = notifierRules(
      config(route('a', '    match: { severity: { min: HIGH } }'))
    );

    // Act
    const kept = HANDLED.filter(
      ({ event }) => matchingRules(rules, event).length > 0
    );

    // Assess
    expect(kept.length).toBeLessThan(HANDLED.length);
  });
});
