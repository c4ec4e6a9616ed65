import { describe, expect, it } from 'vitest';
import { formatChatbot, threadIdFor } from '../../../src/formatters/chatbot.js';
import type { RenderContext } from '../../../src/formatters/formatter.js';
import { aFinding } from '../../helpers/a-finding.js';
import {
  type ChatbotNotification,
  ChatbotNotificationSchema,
} from '../../helpers/message-checks.js';

const NEW: RenderContext = { route: 'security', variant: 'new' };

const notification = (
  finding = aFinding(),
  context: RenderContext = NEW
): ChatbotNotification =>
  ChatbotNotificationSchema.parse(
    JSON.parse(formatChatbot(finding, context).body)
  );

describe('Formatter: chatbot', () => {
  it('produces the documented custom notification shape', () => {
    // Act
    const message = notification();

    // Assess
    expect(message).toMatchObject({
      version: '1.0',
      source: 'custom',
      content: { textType: 'client-markdown' },
      metadata: { eventType: 'finding.new' },
    });
  });

  it('puts the severity, score and title in the title', () => {
    expect(notification().content.title).toBe(
      ':large_orange_circle: HIGH 8.1 | CVE-2024-6387 - openssh-server'
    );
  });

  it('names the resource by its Name tag, linked to the console, with its id', () => {
    expect(notification().content.description).toContain(
      '*Resource:* <https://console.aws.amazon.com/ec2/home?region=eu-west-1#InstanceDetails:instanceId=i-0123456789abcdef0|web-1> (`i-0123456789abcdef0`)'
    );
  });

  it('lists the package with its installed and fixed version', () => {
    expect(notification().content.description).toContain(
      '• `openssh-server` 8.9p1 → `fixed in 8.9p1-3ubuntu0.10`'
    );
  });

  it('shows EPSS, exploit and fix availability and links the CVE', () => {
    // Act
    const { description } = notification().content;

    // Assess
    expect(description).toContain(
      '*Vulnerability:* <https://nvd.nist.gov/vuln/detail/CVE-2024-6387|CVE-2024-6387>'
    );
    expect(description).toContain('*EPSS:* 42.00 %');
    expect(description).toContain('*Exploit available:* YES');
    expect(description).toContain('*Fix available:* YES');
  });

  it('says how many packages were left out', () => {
    // Prepare
    const finding = aFinding({
      vulnerability: {
        ids: ['CVE-2024-1'],
        cvss: [],
        packages: Array.from({ length: 52 }, (_, index) => ({
          name: `pkg-${index}`,
          version: '1',
          fixedInVersion: '2',
        })),
        referenceUrls: [],
      },
    });

    // Act
    const { description } = notification(finding).content;

    // Assess
    expect(description).toContain('_and 37 more packages_');
    expect(description.match(/^• /gm)).toHaveLength(15);
  });

  it('keeps the thread id per finding, whatever the route and variant', () => {
    // Prepare
    const finding = aFinding();

    // Act
    const threads = [
      notification(finding, NEW),
      notification(finding, {
        route: 'other',
        variant: 'escalated',
        previousSeverity: 'LOW',
      }),
      notification(finding, { route: 'security', variant: 'resolved' }),
    ].map((message) => message.metadata?.threadId);

    // Assess
    expect(new Set(threads)).toEqual(new Set([threadIdFor(finding)]));
    expect(threadIdFor(aFinding({ id: 'other' }))).not.toBe(
      threadIdFor(finding)
    );
  });

  it('shows an escalation as old → new severity', () => {
    // Act
    const message = notification(aFinding(), {
      route: 'security',
      variant: 'escalated',
      previousSeverity: 'MEDIUM',
    });

    // Assess
    expect(message.content.title).toContain('Escalated: HIGH 8.1');
    expect(message.content.description).toContain(
      '*Severity escalated: MEDIUM → HIGH*'
    );
    expect(message.metadata?.eventType).toBe('finding.escalated');
  });

  it('marks a resolved finding', () => {
    // Act
    const message = notification(
      aFinding({ status: { lifecycle: 'RESOLVED', provider: 'CLOSED' } }),
      { route: 'security', variant: 'resolved' }
    );

    // Assess
    expect(message.content.title).toContain('Resolved: HIGH');
    expect(message.content.description).toContain('*Resolved: CLOSED*');
  });

  it.each([
    'None Provided',
    'none provided.',
    '',
    '  ',
    'Remediation is available. Please refer to the Fixed version in the vulnerability details section above.',
  ])('gives no next step for remediation %j', (text) => {
    expect(
      notification(aFinding({ remediation: { text } })).content.nextSteps
    ).toBeUndefined();
  });

  it('turns remediation text into a next step', () => {
    expect(
      notification(
        aFinding({ remediation: { text: 'Update <openssh> & reboot' } })
      ).content.nextSteps
    ).toEqual(['Update &lt;openssh&gt; &amp; reboot']);
  });

  it('escapes finding text everywhere', () => {
    // Prepare
    const finding = aFinding({
      title: '<!channel> pwned',
      description: '<https://evil.example|AWS console> & <@U1>',
    });

    // Act
    const message = notification(finding);

    // Assess
    expect(message.content.title).toContain('&lt;!channel&gt; pwned');
    expect(message.content.description).toContain(
      '&lt;https://evil.example|AWS console&gt; &amp; &lt;@U1&gt;'
    );
    expect(message.metadata?.summary).not.toContain('<');
  });

  it('uses a subject with the severity and title', () => {
    expect(formatChatbot(aFinding(), NEW).subject).toBe(
      '[HIGH 8.1] CVE-2024-6387 - openssh-server'
    );
  });
});
