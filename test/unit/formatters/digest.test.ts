import { describe, expect, it } from 'vitest';
import type { MessageFormat } from '../../../src/config/message-formats.js';
import type { SeverityLabel } from '../../../src/events/severity.js';
import type { Finding } from '../../../src/findings/finding.js';
import type { DigestInput } from '../../../src/formatters/digest-view.js';
import { renderDigestForRoute } from '../../../src/formatters/render-digest-route.js';
import { aFinding } from '../../helpers/a-finding.js';
import {
  ChatbotNotificationSchema,
  mrkdwnProblems,
  type SlackMessage,
  slackLimitProblems,
  slackTexts,
} from '../../helpers/message-checks.js';

const SEVERITIES: readonly SeverityLabel[] = ['CRITICAL', 'HIGH', 'MEDIUM'];

/** Finding `n` on its own instance, of one of `vulnerabilities` CVEs. */
const findingOf = (
  n: number,
  severity: SeverityLabel,
  vulnerabilities: number,
  name = `web-${n}`
): Finding => {
  const base = aFinding();
  const cve = `CVE-2026-${String(1000 + (n % vulnerabilities))}`;
  return {
    ...base,
    id: `${base.id.slice(0, -8)}${String(n).padStart(8, '0')}`,
    title: `${cve} - openssl`,
    severity: { ...base.severity, label: severity },
    accountId: String(100_000_000_000 + (n % 3)),
    resources: base.resources.map((resource) => ({
      ...resource,
      id: `i-${String(n).padStart(17, '0')}`,
      name,
    })),
    vulnerability: {
      ...(base.vulnerability as NonNullable<Finding['vulnerability']>),
      ids: [cve],
    },
  };
};

const inputOf = (findings: readonly Finding[]): DigestInput => ({
  id: 'd1',
  route: 'security',
  variant: 'new',
  nameFrom: 'HIGH',
  items: findings.map((finding) => ({ finding })),
});

const render = (
  format: MessageFormat,
  input: DigestInput,
  perProtocol = false
) =>
  renderDigestForRoute({ name: 'security', format, perProtocol }, input, {
    kind: 'digest',
  });

const FORMATS: readonly MessageFormat[] = ['chatbot', 'slack', 'text'];

describe('Digests: every finding counted once, the important ones named, within each format', () => {
  it.each(FORMATS)(
    '%s: 600 findings with long names split into messages that each fit, and together count each finding once',
    (format) => {
      // Prepare: 600 named (HIGH or CRITICAL) findings with 60-character names.
      const findings = Array.from({ length: 1_500 }, (_, n) =>
        findingOf(
          n,
          n % 5 === 0 ? 'CRITICAL' : n % 5 === 1 ? 'HIGH' : 'MEDIUM',
          7,
          `instance-${String(n).padStart(4, '0')}-${'x'.repeat(46)}`
        )
      );

      // Act
      const messages = render(format, inputOf(findings));

      // Assess: a partition of the findings ...
      const counted = messages.flatMap((message) => message.members);
      expect([...counted].sort((a, b) => a - b)).toEqual(
        findings.map((_, index) => index)
      );
      // ... in messages numbered 1..n that each fit the format ...
      expect(messages.map((message) => message.part)).toEqual(
        messages.map((_, index) => index + 1)
      );
      if (format !== 'text') expect(messages.length).toBeGreaterThan(1);
      for (const { message, members } of messages) {
        const body = message.body;
        if (format === 'chatbot') {
          const notification = ChatbotNotificationSchema.parse(
            JSON.parse(body)
          );
          expect(notification.content.description.length).toBeLessThanOrEqual(
            2_900
          );
          expect(mrkdwnProblems(notification.content.description)).toEqual([]);
        }
        if (format === 'slack') {
          const slack = JSON.parse(body) as SlackMessage;
          expect(slackLimitProblems(slack)).toEqual([]);
          for (const text of slackTexts(slack)) {
            expect(mrkdwnProblems(text)).toEqual([]);
          }
        }
        // ... whose headline counts exactly the findings it holds ...
        expect(message.subject).toMatch(
          new RegExp(`${members.length} new findings?:`)
        );
      }
      // ... and every HIGH and CRITICAL finding is named, none cut.
      const bodies = messages.map((message) => message.message.body).join('\n');
      findings.forEach((finding, index) => {
        if (finding.severity.label !== 'MEDIUM') {
          expect(bodies, `finding ${index}`).toContain(
            finding.resources[0]?.name
          );
        }
      });
    }
  );

  it('says what it left out: groups that do not fit are one line with their counts', () => {
    // Prepare: 400 MEDIUM findings of 400 different vulnerabilities.
    const findings = Array.from({ length: 400 }, (_, n) =>
      findingOf(n, 'MEDIUM', 400)
    );

    // Act
    const [message, ...more] = render('chatbot', inputOf(findings));

    // Assess
    expect(more).toEqual([]);
    expect(message?.members).toHaveLength(400);
    const { content } = ChatbotNotificationSchema.parse(
      JSON.parse(message?.message.body ?? '{}')
    );
    const [, groups, counted] =
      /and (\d+) more groups not listed: (\d+) findings \(\d+ MEDIUM\)/.exec(
        content.description
      ) ?? [];
    const listed = content.description
      .split('\n')
      .filter((line) => line.startsWith('• ')).length;
    expect(Number(groups) + listed).toBe(400);
    expect(Number(counted) + listed).toBe(400);
    expect(content.title).toContain('400 new findings: 400 MEDIUM');
  });

  it('puts exactly the same findings in the e-mail body as in the chat body of a per-protocol message', () => {
    // Prepare
    const findings = Array.from({ length: 300 }, (_, n) =>
      findingOf(n, SEVERITIES[n % 3] as SeverityLabel, 5)
    );

    // Act
    const messages = render('chatbot', inputOf(findings), true);

    // Assess
    expect(messages.length).toBeGreaterThan(1);
    for (const { message, members } of messages) {
      expect(message.structure).toBe('json');
      const bodies = JSON.parse(message.body) as Record<string, string>;
      const email = bodies.email ?? '';
      expect(email).toContain(`${members.length} new findings`);
      for (const index of members) {
        const finding = findings[index] as Finding;
        if (finding.severity.label === 'MEDIUM') continue;
        expect(email).toContain(finding.resources[0]?.name);
      }
    }
  });

  it('escapes what a finding says: a hostile title cannot mention or link', () => {
    // Prepare
    const hostile = Array.from({ length: 8 }, (_, n) => ({
      ...findingOf(n, 'HIGH', 1, `<!channel> <https://evil.example|x> & ${n}`),
      title: '<!here> *bold* <https://evil.example|click>',
    }));

    // Act
    const [chatbot] = render('chatbot', inputOf(hostile));
    const [slack] = render('slack', inputOf(hostile));

    // Assess
    const { content } = ChatbotNotificationSchema.parse(
      JSON.parse(chatbot?.message.body ?? '{}')
    );
    expect(mrkdwnProblems(content.description)).toEqual([]);
    expect(mrkdwnProblems(content.title)).toEqual([]);
    for (const text of slackTexts(
      JSON.parse(slack?.message.body ?? '{}') as SlackMessage
    )) {
      expect(mrkdwnProblems(text)).toEqual([]);
    }
  });
});
