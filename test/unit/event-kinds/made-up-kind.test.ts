import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yamlParse } from 'yaml-cfn';
import { basePatterns } from '../../../infra/event-patterns.js';
import type { EventKind } from '../../../src/event-kinds/event-kind.js';
import { parseEvent } from '../../../src/event-kinds/parse-event.js';
import { EVENT_KINDS } from '../../../src/event-kinds/registry.js';
import { main } from '../../../src/replay/cli.js';
import { aFinding } from '../../helpers/a-finding.js';
import { matchesPattern } from '../../helpers/event-pattern-matcher.js';

/** A kind no AWS service sends: one registry entry, nothing else. */
const MADE_UP: EventKind = {
  id: 'MadeUpFindings',
  description: 'Made-up findings to findings-notifier',
  source: 'example.madeup',
  detailType: 'Made-up Finding',
  channel: 'securityhub',
  read: (envelope) =>
    typeof envelope.detail.title === 'string'
      ? {
          ok: true,
          findings: [
            aFinding({
              id: `made-up/${envelope.detail.title}`,
              title: envelope.detail.title,
            }),
          ],
        }
      : { ok: false, reason: 'detail.title: expected string' },
  samples: { events: [], corpus: [] },
};

const KINDS = [...EVENT_KINDS, MADE_UP];

const event = {
  version: '0',
  id: 'made-up-1',
  'detail-type': 'Made-up Finding',
  source: 'example.madeup',
  account: '123456789012',
  time: '2026-12-01T00:00:00Z',
  region: 'us-east-1',
  resources: [],
  detail: { title: 'A made-up finding' },
};

describe('Event kinds: a kind added in one registry entry', () => {
  it('is read by the parser, and ignored without the entry', () => {
    expect(parseEvent(event, KINDS)).toMatchObject({
      kind: 'findings',
      findings: [{ title: 'A made-up finding' }],
    });
    expect(parseEvent(event).kind).toBe('ignored');
  });

  it('gets a rule whose pattern matches its events, and only them', () => {
    const rules = basePatterns(KINDS);
    const matching = rules.filter((rule) =>
      matchesPattern(rule.pattern, event)
    );
    expect(matching.map((rule) => rule.id)).toEqual(['MadeUpFindings']);
    expect(
      basePatterns().some((rule) => matchesPattern(rule.pattern, event))
    ).toBe(false);
  });

  it('is missing from the SAM template, which the parity check compares', () => {
    const sam = yamlParse(readFileSync('infra/sam/template.yaml', 'utf8')) as {
      Resources: Record<string, { Properties: Record<string, unknown> }>;
    };
    const samEvents = Object.keys(
      (sam.Resources.Function?.Properties.Events ?? {}) as object
    );
    const missing = basePatterns(KINDS)
      .map((rule) => rule.id)
      .filter((id) => !samEvents.includes(id));
    expect(missing).toEqual(['MadeUpFindings']);
  });

  it('is replayed through the real handler', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'made-up-kind-'));
    writeFileSync(join(dir, 'made-up.json'), JSON.stringify(event));
    const lines: string[] = [];
    const status = await main(['--json', join(dir, 'made-up.json')], {
      stdout: (line) => lines.push(line),
      stderr: () => undefined,
      kinds: KINDS,
    });
    expect(status).toBe(0);
    const rows = lines.map((line) => JSON.parse(line));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      source: 'example.madeup',
      findingId: 'made-up/A made-up finding',
      outcome: expect.stringMatching(/^(published|filtered)$/),
    });
  });
});
