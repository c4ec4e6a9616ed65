import { describe, expect, it } from 'vitest';
import { formatSlack } from '../../../src/formatters/slack.js';
import { aFinding } from '../../helpers/a-finding.js';
import {
  type SlackMessage,
  slackLimitProblems,
} from '../../helpers/message-checks.js';

type Message = SlackMessage;

const slack = (
  finding = aFinding(),
  variant: 'new' | 'escalated' = 'new'
): Message =>
  JSON.parse(
    formatSlack(finding, {
      route: 'security',
      variant,
      previousSeverity: 'LOW',
    }).body
  );

describe('Formatter: slack', () => {
  it('has a fallback text, a header, fields, link buttons and a context', () => {
    // Act
    const message = slack();

    // Assess
    expect(message.text).toBe(
      'HIGH 8.1 CVE-2024-6387 - openssh-server on web-1 (i-0123456789abcdef0)'
    );
    expect(message.blocks.map((block) => block.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'actions',
      'context',
    ]);
    expect(message.blocks[0]?.text).toEqual({
      type: 'plain_text',
      text: 'HIGH 8.1 | CVE-2024-6387 - openssh-server',
      emoji: true,
    });
    expect(slackLimitProblems(message)).toEqual([]);
  });

  it('puts the resource and vulnerability facts in at most 10 fields', () => {
    // Act
    const fields = slack().blocks[1]?.fields?.map((field) => field.text) ?? [];

    // Assess
    expect(fields.length).toBeLessThanOrEqual(10);
    expect(fields[0]).toContain(
      '*Resource*\n<https://console.aws.amazon.com/ec2/'
    );
    expect(fields).toContain('*Fix available*\nYES');
  });

  it('links the Inspector finding and the resource with buttons', () => {
    // Act
    const actions = slack().blocks.find((block) => block.type === 'actions');

    // Assess
    expect(actions?.elements?.map((element) => element.url)).toEqual([
      expect.stringMatching(
        /^https:\/\/console\.aws\.amazon\.com\/inspector\/v2\/home\?region=eu-west-1#/
      ),
      'https://console.aws.amazon.com/ec2/home?region=eu-west-1#InstanceDetails:instanceId=i-0123456789abcdef0',
    ]);
  });

  it('shows an escalation below the header', () => {
    expect(slack(aFinding(), 'escalated').blocks[1]?.text?.text).toBe(
      '*Severity escalated: LOW → HIGH*'
    );
  });

  it('escapes the header and the fallback text', () => {
    // Act
    const message = slack(aFinding({ title: '<!here> & more' }));

    // Assess
    expect(message.blocks[0]?.text?.text).toContain('&lt;!here&gt; &amp; more');
    expect(message.text).toContain('&lt;!here&gt; &amp; more');
  });

  it('keeps a 150-character header and a 3000-character section for long text', () => {
    // Act
    const message = slack(
      aFinding({ title: 'T'.repeat(1000), description: '<'.repeat(100_000) })
    );

    // Assess
    expect(message.blocks[0]?.text?.text.length).toBeLessThanOrEqual(150);
    expect(slackLimitProblems(message)).toEqual([]);
  });
});
