import { describe, expect, it } from 'vitest';
import { fitList, moreNote } from '../../../src/formatters/fit-lists.js';
import type { RenderedMessage } from '../../../src/formatters/formatter.js';
import { renderForRoute } from '../../../src/formatters/render-route.js';
import {
  fitSns,
  publishBytes,
  SNS_MAX_BYTES,
} from '../../../src/formatters/sns-size.js';
import { aFinding } from '../../helpers/a-finding.js';
import { ChatbotNotificationSchema } from '../../helpers/message-checks.js';

const CONTEXT = { route: 'r', variant: 'new' } as const;

describe('Function: renderForRoute', () => {
  it.each([
    {
      format: 'chatbot',
      check: (body: string) => JSON.parse(body).version === '1.0',
    },
    {
      format: 'slack',
      check: (body: string) => Array.isArray(JSON.parse(body).blocks),
    },
    { format: 'text', check: (body: string) => body.startsWith('HIGH 8.1 | ') },
  ] as const)('renders the route format $format', ({ format, check }) => {
    // Act
    const message = renderForRoute({ name: 'r', format }, aFinding(), CONTEXT);

    // Assess
    expect(check(message.body)).toBe(true);
    expect(message.structure).toBeUndefined();
  });

  it('gives e-mail the text and HTTPS the chatbot JSON with perProtocol', () => {
    // Act
    const message = renderForRoute(
      { name: 'r', format: 'chatbot', perProtocol: true },
      aFinding(),
      CONTEXT
    );

    // Assess
    expect(message.structure).toBe('json');
    const bodies = JSON.parse(message.body);
    expect(Object.keys(bodies).sort()).toEqual([
      'default',
      'email',
      'firehose',
      'http',
      'https',
      'lambda',
      'sqs',
    ]);
    expect(bodies.default).toBe(bodies.email);
    expect(bodies.email).toMatch(/^HIGH 8\.1 \| CVE-2024-6387/);
    expect(
      ChatbotNotificationSchema.safeParse(JSON.parse(bodies.https)).success
    ).toBe(true);
    for (const protocol of ['http', 'sqs', 'lambda', 'firehose']) {
      expect(bodies[protocol]).toBe(bodies.https);
    }
  });

  it('throws for a format without a formatter', () => {
    expect(() =>
      renderForRoute({ name: 'r', format: 'chatbot' }, aFinding(), CONTEXT, {})
    ).toThrow('No formatter for format "chatbot"');
  });
});

describe('Function: fitSns', () => {
  const message = (size: number): RenderedMessage => ({
    subject: 's',
    body: 'x'.repeat(size),
  });

  it('counts the body, subject and attribute names, types and values in bytes', () => {
    expect(
      publishBytes({ subject: 'é', body: '😀' }, { severity: 'HIGH' })
    ).toBe(4 + 2 + 'severity'.length + 'String'.length + 'HIGH'.length);
  });

  it('falls back to less detail until the publish fits', () => {
    // Prepare
    const sizes = { full: 300, compact: 200, minimal: 50 };

    // Act
    const fitted = fitSns((detail) => message(sizes[detail]), { a: 'b' }, 220);

    // Assess
    expect(fitted.body).toHaveLength(200);
  });

  it('throws when not even the minimal detail level fits', () => {
    expect(() => fitSns(() => message(SNS_MAX_BYTES + 1), {})).toThrow(
      /does not fit/
    );
  });
});

describe('Function: fitList', () => {
  const items = Array.from({ length: 100 }, (_, index) => [
    { text: `item-${index}` },
  ]);
  const render = (line: readonly { text: string }[]) =>
    line.map((s) => s.text).join('');

  it('keeps whole items within the item and character limits, then says how many were cut', () => {
    // Act
    const lines = fitList(
      { title: 'Packages', noun: 'packages', items },
      { maxChars: 10_000, maxItems: 3, render }
    );

    // Assess
    expect(lines).toEqual([
      '• item-0',
      '• item-1',
      '• item-2',
      'and 97 more packages',
    ]);
  });

  it('stops at the character limit, note included', () => {
    // Act
    const lines = fitList(
      { title: 'Packages', noun: 'packages', items },
      { maxChars: 200, maxItems: 100, render }
    );

    // Assess
    expect(lines.join('\n').length).toBeLessThanOrEqual(200);
    expect(lines.at(-1)).toBe(moreNote(100 - (lines.length - 1), 'packages'));
  });

  it('adds no note when everything fits', () => {
    expect(
      fitList(
        { title: 'Steps', noun: 'steps', items: items.slice(0, 2) },
        { maxChars: 1000, maxItems: 10, render }
      )
    ).toEqual(['• item-0', '• item-1']);
  });
});
