import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/event-kinds/parse-event.js';
import { eventsOf } from '../../src/replay/wrap.js';
import { EVENTS_DIR, readJson } from '../helpers/events.js';

/** Every event of every file in `events/<folder>`, files holding arrays expanded. */
const eventsIn = (folder: string) =>
  readdirSync(join(EVENTS_DIR, folder))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) =>
      eventsOf(readJson(join(EVENTS_DIR, folder, name))).map(
        ({ event }, index) => ({ where: `${folder}/${name}#${index}`, event })
      )
    );

describe('Sample events: events/', () => {
  it.each([...eventsIn('inspector2'), ...eventsIn('securityhub')])(
    'reads $where into findings',
    ({ event }) => {
      // Act
      const parsed = parseEvent(event);

      // Assess
      expect(parsed.kind === 'findings' ? 'findings' : parsed.reason).toBe(
        'findings'
      );
      expect(parsed.kind === 'findings' && parsed.findings.length).toBe(1);
    }
  );

  it.each(eventsIn('ignored'))('ignores $where, saying why', ({ event }) => {
    // Act
    const parsed = parseEvent(event);

    // Assess
    expect(parsed.kind).toBe('ignored');
    expect(parsed.kind === 'ignored' && parsed.reason).toMatch(
      /^event kind ".+" from aws\.\w+ is not handled$/
    );
  });

  it('maps each boundary score of edge-boundary-scores.json to its band', () => {
    // Prepare
    const events = eventsOf(
      readJson(join(EVENTS_DIR, 'inspector2', 'edge-boundary-scores.json'))
    );

    // Act
    const severities = events.map(({ event }) => {
      const parsed = parseEvent(event);
      const [finding] = parsed.kind === 'findings' ? parsed.findings : [];
      return [finding?.severity.score, finding?.severity.label];
    });

    // Assess
    expect(severities).toEqual([
      [0, 'INFORMATIONAL'],
      [0.1, 'LOW'],
      [3.9, 'LOW'],
      [4, 'MEDIUM'],
      [6.9, 'MEDIUM'],
      [7, 'HIGH'],
      [8.9, 'HIGH'],
      [9, 'CRITICAL'],
      [10, 'CRITICAL'],
    ]);
  });

  it('keeps the UNTRIAGED edge case UNTRIAGED, without a score', () => {
    // Prepare
    const event = readJson(
      join(EVENTS_DIR, 'inspector2', 'edge-untriaged-no-score.json')
    );

    // Act
    const parsed = parseEvent(event);

    // Assess
    expect(parsed).toMatchObject({
      kind: 'findings',
      findings: [{ severity: { label: 'UNTRIAGED' } }],
    });
    expect(
      parsed.kind === 'findings' && parsed.findings[0]?.severity
    ).not.toHaveProperty('score');
  });
});
