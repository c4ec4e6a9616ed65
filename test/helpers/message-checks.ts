import * as z from 'zod';

/**
 * The AWS Chatbot custom notification shape (FORMATS.md §4.1, "Custom
 * notifications" in the AWS Chatbot administrator guide).
 */
export const ChatbotNotificationSchema = z.strictObject({
  version: z.literal('1.0'),
  source: z.literal('custom'),
  id: z.string().optional(),
  content: z.strictObject({
    textType: z.literal('client-markdown').optional(),
    title: z.string().min(1).max(250),
    description: z.string().min(1).max(3000),
    nextSteps: z.array(z.string().min(1).max(500)).max(5).optional(),
    keywords: z.array(z.string().min(1).max(50)).max(10).optional(),
  }),
  metadata: z
    .strictObject({
      threadId: z.string().min(1).max(128).optional(),
      summary: z.string().max(250).optional(),
      eventType: z.string().optional(),
      relatedResources: z.array(z.string()).max(10).optional(),
      additionalContext: z.record(z.string(), z.string()).optional(),
      enableCustomActions: z.boolean().optional(),
    })
    .optional(),
});

export type ChatbotNotification = z.infer<typeof ChatbotNotificationSchema>;

/** Hosts a rendered link may point at. */
const LINK_HOSTS =
  /^https:\/\/(([a-z0-9-]+\.)?console\.aws\.amazon\.com|docs\.aws\.amazon\.com|docs\.amazonaws\.cn|console\.amazonaws-us-gov\.com|console\.amazonaws\.cn|nvd\.nist\.gov|github\.com|alas\.aws\.amazon\.com|ubuntu\.com|cwe\.mitre\.org|(www\.)?cve\.org|people\.canonical\.com|security-tracker\.debian\.org|access\.redhat\.com|msrc\.microsoft\.com|osv\.dev|(www\.)?suse\.com|security\.alpinelinux\.org)\//;

// One of our links: `<https://…|text>`, a URL without `<>|&` or spaces.
const LINK = /<(https:\/\/[^\s<>|&]+)\|[^<>]*>/g;

const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Problems with a mrkdwn / client-markdown string: any `<…>` that is not a
 * link of ours to a known host, any `&` that is not `&amp;` `&lt;` `&gt;`,
 * control characters other than line breaks.
 */
export const mrkdwnProblems = (text: string): string[] => {
  const problems: string[] = [];
  for (const [, url] of text.matchAll(LINK)) {
    if (!url || !LINK_HOSTS.test(url)) problems.push(`link to ${url}`);
  }
  const rest = text.replace(LINK, '');
  if (/[<>]/.test(rest))
    problems.push(`unescaped < or > in ${JSON.stringify(rest.slice(0, 200))}`);
  if (/&(?!(amp|lt|gt);)/.test(rest)) problems.push('unescaped &');
  if (CONTROL.test(text)) problems.push('control or bidi character');
  if (/@(channel|here|everyone)\b/i.test(text)) problems.push('bare @mention');
  return problems;
};

/** Every string value in a JSON value (keys excluded). */
export const stringsIn = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') {
    return Object.values(value).flatMap(stringsIn);
  }
  return [];
};

export type SlackText = { type: string; text: string };
export type SlackBlock = {
  type: string;
  text?: SlackText;
  fields?: SlackText[];
  elements?: { type: string; text?: SlackText | string; url?: string }[];
};

export type SlackMessage = { text: string; blocks: SlackBlock[] };

/** Breaches of Slack Block Kit limits (FORMATS.md §5). */
export const slackLimitProblems = (message: {
  text: string;
  blocks: SlackBlock[];
}): string[] => {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  check(
    typeof message.text === 'string' && message.text.length > 0,
    'no fallback text'
  );
  check(message.text.length <= 3000, 'fallback text over 3000');
  check(message.blocks.length <= 50, 'over 50 blocks');
  for (const block of message.blocks) {
    if (block.type === 'header') {
      check(block.text?.type === 'plain_text', 'header not plain_text');
      check((block.text?.text.length ?? 0) <= 150, 'header over 150');
    }
    if (block.text)
      check(block.text.text.length <= 3000, 'section text over 3000');
    if (block.fields) {
      check(block.fields.length <= 10, 'over 10 fields');
      for (const field of block.fields) {
        check(field.text.length <= 2000, 'field over 2000');
      }
    }
    if (block.type === 'context') {
      check((block.elements ?? []).length <= 10, 'context over 10 elements');
    }
    if (block.type === 'actions') {
      for (const element of block.elements ?? []) {
        const text = element.text as SlackText | undefined;
        check((text?.text.length ?? 0) <= 75, 'button text over 75');
        check((element.url?.length ?? 0) <= 3000, 'button url over 3000');
        check(LINK_HOSTS.test(element.url ?? ''), `button url ${element.url}`);
      }
    }
  }
  return problems;
};

/** The mrkdwn / plain_text strings of a Slack message (URLs excluded). */
export const slackTexts = (message: {
  text: string;
  blocks: SlackBlock[];
}): string[] => [
  message.text,
  ...message.blocks.flatMap((block) => [
    ...(block.text ? [block.text.text] : []),
    ...(block.fields ?? []).map((field) => field.text),
    ...(block.elements ?? []).flatMap((element) =>
      typeof element.text === 'object' ? [element.text.text] : []
    ),
  ]),
];

/** SNS Subject rules: printable ASCII, 1-99 characters, no line breaks. */
export const subjectProblems = (subject: string): string[] =>
  /^[\x21-\x7e][\x20-\x7e]{0,98}$/.test(subject)
    ? []
    : [`subject ${JSON.stringify(subject)}`];

const TEXT_CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Problems with one format's body, checked against its own rules. */
export const bodyProblems = (format: string, body: string): string[] => {
  if (format === 'text') {
    return TEXT_CONTROL.test(body) ? ['control character in text'] : [];
  }
  const json: unknown = JSON.parse(body);
  if (format === 'chatbot') {
    const parsed = ChatbotNotificationSchema.safeParse(json);
    if (!parsed.success) return [`chatbot schema: ${parsed.error.message}`];
    return stringsIn(json).flatMap(mrkdwnProblems);
  }
  const slack = json as Parameters<typeof slackLimitProblems>[0];
  return [
    ...slackLimitProblems(slack),
    ...slackTexts(slack).flatMap(mrkdwnProblems),
  ];
};

/**
 * Problems with a rendered message for a route of `format`: the subject,
 * the body (or each per-protocol body) against its format's rules.
 */
export const messageProblems = (
  format: string,
  message: { subject: string; body: string; structure?: 'json' }
): string[] => {
  const problems = subjectProblems(message.subject);
  if (message.structure !== 'json') {
    return [...problems, ...bodyProblems(format, message.body)];
  }
  const bodies = JSON.parse(message.body) as Record<string, unknown>;
  if (typeof bodies.default !== 'string') problems.push('no default body');
  for (const [protocol, body] of Object.entries(bodies)) {
    if (typeof body !== 'string') {
      problems.push(`${protocol} body is not a string`);
      continue;
    }
    const bodyFormat =
      protocol === 'default' || protocol === 'email' ? 'text' : format;
    problems.push(
      ...bodyProblems(bodyFormat, body).map(
        (problem) => `${protocol}: ${problem}`
      )
    );
  }
  return problems;
};
