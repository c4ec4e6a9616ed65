import { describe, expect, it } from 'vitest';
import type { DigestVariant } from '../../../src/config/digest-settings.js';
import type { SeverityLabel } from '../../../src/events/severity.js';
import type { Finding } from '../../../src/findings/finding.js';
import type { DigestInput } from '../../../src/formatters/digest-view.js';
import { renderDigestForRoute } from '../../../src/formatters/render-digest-route.js';
import { aFinding } from '../../helpers/a-finding.js';

const findingOf = (
  n: number,
  severity: SeverityLabel,
  options: { account?: string; title?: string; cve?: string | null } = {}
): Finding => {
  const base = aFinding();
  const cve = options.cve === undefined ? 'CVE-2026-0001' : options.cve;
  return {
    ...base,
    id: `${base.id}-${n}`,
    title: options.title ?? `${cve ?? 'No CVE'} - openssl`,
    severity: { ...base.severity, label: severity },
    accountId: options.account ?? '123456789012',
    resources: base.resources.map((resource) => ({
      ...resource,
      id: `i-${String(n).padStart(17, '0')}`,
      name: `host-${n}`,
    })),
    vulnerability: cve
      ? {
          ...(base.vulnerability as NonNullable<Finding['vulnerability']>),
          ids: [cve],
        }
      : undefined,
  } as Finding;
};

const text = (variant: DigestVariant, findings: readonly Finding[]) =>
  renderDigestForRoute(
    { name: 'mail', format: 'text' },
    {
      id: 'd1',
      route: 'mail',
      variant,
      nameFrom: 'HIGH',
      items: findings.map((finding) => ({ finding })),
    } satisfies DigestInput,
    { kind: 'digest' }
  );

describe('Digests in plain text: what each kind says', () => {
  it.each([
    ['escalated', 'escalated findings'],
    ['resolved', 'resolved findings'],
    ['reminder', 'reminders'],
  ] as const)(
    'a digest of %s findings says so in its headline',
    (variant, noun) => {
      const [message] = text(variant, [
        findingOf(1, 'HIGH'),
        findingOf(2, 'HIGH'),
      ]);

      expect(message?.message.subject).toBe(
        `Digest: 2 ${noun}: 2 HIGH in account 123456789012`
      );
      // One severity: the group says it once, not as a range.
      expect(message?.message.body).toContain('[HIGH] - 2 findings:');
    }
  );

  it('names the account of each resource when the digest spans accounts, and counts them per group', () => {
    const findings = [
      findingOf(1, 'CRITICAL', { account: '111111111111' }),
      findingOf(2, 'MEDIUM', { account: '222222222222' }),
      findingOf(3, 'LOW', {
        account: '333333333333',
        cve: null,
        title: 'Open port 22',
      }),
    ];

    const [message] = text('new', findings);
    const body = message?.message.body ?? '';

    expect(message?.message.subject).toBe(
      'Digest: 3 new findings: 1 CRITICAL, 1 MEDIUM, 1 LOW in 3 accounts'
    );
    expect(body).toContain(
      'CVE-2026-0001 - openssl [MEDIUM–CRITICAL] - 2 findings in 2 accounts:'
    );
    expect(body).toContain('111111111111/host-1');
    expect(body).toContain('+1 below HIGH, counted in this message');
    expect(body).toContain('- Open port 22 [LOW] - 1 finding');
  });

  it('lists groups without a named finding while there is room, then says how many it left out', () => {
    // 3,000 LOW findings of 3,000 titles: far more lines than 60,000 characters.
    const findings = Array.from({ length: 3_000 }, (_, n) =>
      findingOf(n, 'LOW', {
        cve: null,
        title: `Finding kind ${n} ${'x'.repeat(20)}`,
      })
    );

    const messages = text('new', findings);

    expect(messages).toHaveLength(1);
    const body = messages[0]?.message.body ?? '';
    const listed = body
      .split('\n')
      .filter((line) => line.startsWith('- ')).length;
    const [, groups, counted] =
      /and (\d+) more groups not listed: (\d+) findings \(\d+ LOW\)/.exec(
        body
      ) ?? [];
    expect(listed).toBeGreaterThan(100);
    expect(listed + Number(groups)).toBe(3_000);
    expect(listed + Number(counted)).toBe(3_000);
    expect(body.length).toBeLessThanOrEqual(62_000);
  });

  it('continues a named group in the next message when it does not fit, and says so', () => {
    const findings = Array.from({ length: 8_000 }, (_, n) =>
      findingOf(n, 'HIGH')
    );

    const messages = text('new', findings);

    expect(messages.length).toBeGreaterThan(1);
    expect(messages[1]?.message.body).toContain('(continued)');
    expect(messages[1]?.message.subject).toMatch(/^Digest 2\/\d+: /);
    expect(messages.flatMap((message) => message.members)).toHaveLength(8_000);
  });
});
