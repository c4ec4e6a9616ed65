import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeMrkdwn,
  mrkdwnText,
  plainText,
  snsSubject,
} from '../../../src/formatters/text-safety.js';
import { mrkdwnProblems } from '../../helpers/message-checks.js';

describe('Function: escapeMrkdwn', () => {
  it.each([
    { input: '<!channel>', expected: '&lt;!channel&gt;' },
    { input: '<@U123>', expected: '&lt;@U123&gt;' },
    { input: '<https://x|y>', expected: '&lt;https://x|y&gt;' },
    { input: 'a & b', expected: 'a &amp; b' },
    { input: '&amp;', expected: '&amp;amp;' },
  ])('escapes $input', ({ input, expected }) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });

  it('breaks bare @channel, @here and @everyone with a zero-width space', () => {
    // Act
    const escaped = escapeMrkdwn('@channel @HERE @everyone1 mail@example.com');

    // Assess
    expect(escaped).toBe(
      '@\u200bchannel @\u200bHERE @\u200beveryone1 mail@example.com'
    );
  });
});

describe('Function: mrkdwnText', () => {
  it('cuts after escaping without splitting an entity', () => {
    // Act
    const cut = mrkdwnText('<<<<<<<<<<', 10);

    // Assess
    expect(cut).toBe('&lt;&lt;…');
    expect(cut.length).toBeLessThanOrEqual(10);
  });

  it('strips control, zero-width and bidi characters and lone surrogates', () => {
    // Act
    const cleaned = mrkdwnText('a\u0000b\u202ec\u200bd\ud800e\u001b[31m', 100);

    // Assess
    expect(cleaned).toBe('abcd\ufffde[31m');
  });

  it('keeps line breaks only when multiline, collapsing blank lines', () => {
    expect(mrkdwnText('a\r\n\n\n\nb\tc', 100, { multiline: true })).toBe(
      'a\n\nb c'
    );
    expect(mrkdwnText('a\r\n\n\nb', 100)).toBe('a b');
  });

  it('reads only a bounded prefix of a 1 MB text and marks the cut', () => {
    // Act
    const cut = mrkdwnText('x'.repeat(1_048_576), 1500);

    // Assess
    expect(cut).toHaveLength(1500);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    // Act
    const cut = mrkdwnText('😀'.repeat(10), 5);

    // Assess
    expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('Function: plainText', () => {
  it('cleans without escaping', () => {
    expect(plainText('<b> & \u0007x', 100)).toBe('<b> & x');
  });
});

describe('Function: snsSubject', () => {
  it.each([
    {
      case: 'non-ASCII',
      input: 'Crème brûlée 😀 CVE',
      expected: 'Creme brulee CVE',
    },
    { case: 'line breaks', input: 'a\nb\r\nc', expected: 'a b c' },
    {
      case: 'nothing printable',
      input: '\u0000😀',
      expected: 'Security finding',
    },
  ])('makes a valid subject from $case', ({ input, expected }) => {
    expect(snsSubject(input)).toBe(expected);
  });

  it('cuts to 99 ASCII characters', () => {
    // Act
    const subject = snsSubject('x'.repeat(500));

    // Assess
    expect(subject).toHaveLength(99);
    expect(subject.endsWith('...')).toBe(true);
  });
});

describe('Helper: mrkdwnProblems (the property tests rely on it)', () => {
  it.each([
    '<!channel>',
    '<@U123>',
    '<https://evil.example|AWS console>',
    'a & b',
    '@here',
    'a\u202eb',
  ])('flags %s', (text) => {
    expect(mrkdwnProblems(text)).not.toEqual([]);
  });

  it('accepts escaped text and links of ours', () => {
    expect(
      mrkdwnProblems(
        '&lt;!channel&gt; &amp; <https://nvd.nist.gov/vuln/detail/CVE-2024-1|CVE-2024-1>'
      )
    ).toEqual([]);
  });
});

describe('Cleaning: printable ASCII takes a shorter path to the same result', () => {
  // A zero-width space is removed by cleaning, but sends the text down the
  // general path: both paths must agree on everything else.
  const asciiText = fc.stringMatching(/^[\x20-\x7e]{0,300}$/);

  it.each([
    { name: 'plainText, one line', render: (t: string) => plainText(t, 500) },
    {
      name: 'plainText, multiline',
      render: (t: string) => plainText(t, 500, { multiline: true }),
    },
    { name: 'mrkdwnText', render: (t: string) => mrkdwnText(t, 2000) },
  ])('$name', ({ render }) => {
    fc.assert(
      fc.property(asciiText, (text) => {
        expect(render(text)).toBe(render(`${text}\u200b`));
      })
    );
  });
});
