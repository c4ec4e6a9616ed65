import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../src/event-kinds/parse-event.js';
import type { Finding } from '../../src/findings/finding.js';
import { renderForRoute } from '../../src/formatters/render-route.js';
import { anInspector2Event, aSecurityHubEvent } from '../helpers/events.js';

/*
 * Issue 16, item 9: values outside their domain reach no message as facts.
 * The events go through JSON text, as Lambda reads them: `1e999` parses to
 * Infinity.
 */

const viaJson = (event: unknown, replacements: Record<string, string>) => {
  let text = JSON.stringify(event);
  for (const [from, to] of Object.entries(replacements)) {
    text = text.replace(from, to);
  }
  return JSON.parse(text) as unknown;
};

const onlyFinding = (event: unknown): Finding => {
  const parsed = parseEvent(event);
  if (parsed.kind !== 'findings' || !parsed.findings[0]) {
    throw new Error(`not parsed: ${JSON.stringify(parsed)}`);
  }
  return parsed.findings[0];
};

const textOf = (finding: Finding) =>
  renderForRoute({ name: 'r', format: 'text' }, finding, {
    route: 'r',
    variant: 'new',
  }).body;

const NOT_A_FACT = /Infinity|NaN|\d\.?\d*e[+-]\d|CVSS: -|EPSS: -/;

describe('Out-of-range values (issue 16, item 9)', () => {
  it.each([
    ['1e999', 'EPSS'],
    ['-0.5', 'EPSS'],
    ['1.5', 'EPSS'],
  ])('drops an Inspector2 EPSS score of %s', (value) => {
    const event = anInspector2Event(
      'lambda-package-vuln-high-exploit-available-docs'
    );
    const finding = onlyFinding(
      viaJson(event, { '"score":0.00208': `"score":${value}` })
    );
    expect(finding.vulnerability?.epss).toBeUndefined();
    expect(textOf(finding)).not.toMatch(/EPSS/);
  });

  it('drops CVSS base scores outside 0-10', () => {
    const event = anInspector2Event(
      'lambda-package-vuln-high-exploit-available-docs'
    );
    const finding = onlyFinding(
      viaJson(event, { '"baseScore":7.5': '"baseScore":1e999' })
    );
    expect(finding.vulnerability?.cvss).toEqual([]);
    expect(textOf(finding)).not.toMatch(NOT_A_FACT);
  });

  it.each([
    ['1e308', '-5'],
    ['22', '70000'],
    ['22.5', '22.5'],
    ['443', '80'],
  ])('shows no port range %s-%s as a fact', (begin, end) => {
    const event = anInspector2Event(
      'ec2-network-reachability-port22-active-docs'
    );
    const finding = onlyFinding(
      viaJson(event, {
        '"begin":22': `"begin":${begin}`,
        '"end":22': `"end":${end}`,
      })
    );
    expect(finding.network?.portRange).toBeUndefined();
    const text = textOf(finding);
    expect(text).toMatch(/Ports: invalid/);
    expect(text).not.toMatch(/1e\+308|70000|22\.5|443-80/);
  });

  it('drops line numbers that are not positive integers', () => {
    const event = anInspector2Event('lambda-code-vuln-critical-cwe798-docs');
    const finding = onlyFinding(
      viaJson(event, { '"endLine":6': '"endLine":1e999' })
    );
    expect(finding.code?.endLine).toBeUndefined();
    expect(textOf(finding)).not.toMatch(/Infinity/);
  });

  it('drops an ASFF EPSS score and CVSS base score out of range', () => {
    const event = aSecurityHubEvent('imported-inspector2-ec2-cve');
    const [asff] = event.detail.findings as unknown as {
      Vulnerabilities: Record<string, unknown>[];
    }[];
    const vulnerability = asff?.Vulnerabilities[0];
    if (!vulnerability) throw new Error('sample has no vulnerability');
    vulnerability.EpssScore = '7';
    vulnerability.Cvss = [
      { Version: '3.1', BaseScore: 42 },
      { Version: '3.1', BaseScore: '-3' },
    ];
    const finding = onlyFinding(event);
    expect(finding.vulnerability?.epss).toBeUndefined();
    expect(finding.vulnerability?.cvss).toEqual([]);
    const text = textOf(finding);
    expect(text).not.toMatch(NOT_A_FACT);
    expect(text).not.toMatch(/EPSS|CVSS: (42|-3)/);
  });
});
