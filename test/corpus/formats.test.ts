import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_FORMATS } from '../../src/config/message-formats.js';
import { parseEvent } from '../../src/event-kinds/parse-event.js';
import type { Finding } from '../../src/findings/finding.js';
import { messageAttributes } from '../../src/formatters/message-attributes.js';
import { renderForRoute } from '../../src/formatters/render-route.js';
import { publishBytes, SNS_MAX_BYTES } from '../../src/formatters/sns-size.js';
import { escapeMrkdwn } from '../../src/formatters/text-safety.js';
import { eventsOf } from '../../src/replay/wrap.js';
import { corpusExists, corpusFiles, readCorpus } from '../helpers/corpus.js';
import { EVENTS_DIR, readJson } from '../helpers/events.js';
import { messageProblems } from '../helpers/message-checks.js';

type Case = { where: string; finding: Finding };

const findingsIn = (where: string, document: unknown): Case[] =>
  eventsOf(document).flatMap(({ event }, index) => {
    const parsed = parseEvent(event);
    return parsed.kind === 'findings'
      ? parsed.findings.map((finding) => ({
          where: `${where}#${index}`,
          finding,
        }))
      : [];
  });

const HANDLED_FOLDERS = [
  'inspector2-finding',
  'securityhub-imported',
  'asff-findings',
  'inspector2-api-findings',
];

const corpusCases = (): Case[] =>
  HANDLED_FOLDERS.flatMap((folder) =>
    corpusFiles(folder).flatMap((file) =>
      findingsIn(`${folder}/${file}`, readCorpus(folder, file))
    )
  );

const sampleCases = (): Case[] =>
  ['inspector2', 'securityhub'].flatMap((folder) =>
    readdirSync(join(EVENTS_DIR, folder))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .flatMap((name) =>
        findingsIn(
          `events/${folder}/${name}`,
          readJson(join(EVENTS_DIR, folder, name))
        )
      )
  );

const CONSOLE_HOST = {
  aws: 'console.aws.amazon.com',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
  'aws-cn': 'console.amazonaws.cn',
} as Record<string, string>;

const INSPECTOR_ARN =
  /^arn:aws(-cn|-us-gov)?:inspector2:[a-z0-9-]+:\d{12}:finding\/[A-Za-z0-9/_-]+$/;

const render = (finding: Finding, format: (typeof MESSAGE_FORMATS)[number]) =>
  renderForRoute({ name: 'corpus', format }, finding, {
    route: 'corpus',
    variant: 'new',
  });

/** The visible text of each format, as one string per format. */
const rendered = (finding: Finding) => {
  const chatbot = JSON.parse(render(finding, 'chatbot').body);
  const slack = render(finding, 'slack');
  const text = render(finding, 'text');
  return {
    chatbotTitle: chatbot.content.title as string,
    chatbotBody: `${chatbot.content.description}\n${(chatbot.content.nextSteps ?? []).join('\n')}`,
    slackHeader: JSON.parse(slack.body).blocks[0].text.text as string,
    slackBody: slack.body,
    textBody: text.body,
    subject: text.subject,
    all: [render(finding, 'chatbot'), slack, text],
  };
};

/** What a person would call the resource, as escaped text, cut short. */
const resourceNamed = (finding: Finding) => {
  const resource = finding.resources[0];
  return (resource?.name ?? resource?.id ?? 'unknown resource').slice(0, 40);
};

const consoleLinks = (text: string) =>
  [
    ...text.matchAll(
      /https:\/\/([a-z0-9-]+\.)?console\.[a-z.-]+\/[^\s|>"\\)]*/g
    ),
  ].map(([url]) => url);

const assertFormats = ({ finding }: Case) => {
  const out = rendered(finding);
  const label = finding.severity.label;

  // Every format, with and without per-protocol bodies, within its limits.
  for (const format of MESSAGE_FORMATS) {
    for (const perProtocol of [false, true]) {
      const route = { name: 'corpus', format, perProtocol };
      const message = renderForRoute(route, finding, {
        route: 'corpus',
        variant: 'new',
      });
      expect(messageProblems(format, message)).toEqual([]);
      expect(
        publishBytes(message, messageAttributes(finding, 'corpus'))
      ).toBeLessThanOrEqual(SNS_MAX_BYTES);
    }
  }

  // Severity and title in the title.
  const title = escapeMrkdwn(finding.title.slice(0, 40).trim());
  expect(out.chatbotTitle).toContain(label);
  expect(out.chatbotTitle).toContain(title);
  expect(out.slackHeader).toContain(label);
  expect(out.slackHeader).toContain(title);
  expect(out.subject).toContain(label);
  expect(out.textBody.split('\n')[0]).toContain(label);

  // The resource named.
  const resource = resourceNamed(finding);
  expect(out.chatbotBody).toContain(escapeMrkdwn(resource));
  expect(out.slackBody).toContain(
    JSON.stringify(escapeMrkdwn(resource)).slice(1, -1)
  );
  expect(out.textBody).toContain(resource);

  // Links at the finding's own region and partition.
  const host = CONSOLE_HOST[finding.partition] ?? 'console.aws.amazon.com';
  for (const body of [out.chatbotBody, out.slackBody, out.textBody]) {
    for (const url of consoleLinks(body)) {
      expect(url).toMatch(
        new RegExp(`^https://([a-z0-9-]+\\.)?${host.replace(/\./g, '\\.')}/`)
      );
      expect(url).toContain(`region=${finding.region}`);
    }
  }
  // Placeholder ids (`finding/{{FINDING_ID}}`, account `XXXXXXXXXXXX`) in
  // documentation samples are not valid ARNs: no link is built from them.
  if (INSPECTOR_ARN.test(finding.id)) {
    expect(out.textBody).toContain(
      `Open in Inspector: https://${host}/inspector/v2/`
    );
  } else {
    expect(out.textBody).not.toContain('Open in Inspector');
  }
  if (finding.source === 'securityhub') {
    expect(out.textBody).toContain(
      `Open in Security Hub: https://${host}/securityhub/`
    );
  }

  // Fixed versions present when known (the first package is always shown).
  const first = finding.vulnerability?.packages[0];
  if (first?.fixedInVersion && first.fixedInVersion !== 'NotAvailable') {
    for (const body of [out.chatbotBody, out.slackBody, out.textBody]) {
      expect(body).toContain(`fixed in ${first.fixedInVersion}`);
    }
  }

  // What matters for each kind.
  const primary = finding.vulnerability?.ids[0];
  if (primary) expect(out.textBody).toContain(`Vulnerability: ${primary}`);
  if (primary?.startsWith('CVE-')) {
    expect(out.chatbotBody).toContain(
      `<https://nvd.nist.gov/vuln/detail/${primary}|${primary}>`
    );
  }
  if (finding.network) {
    const { begin, end } = finding.network.portRange;
    expect(out.textBody).toContain(
      `Ports: ${begin === end ? begin : `${begin}-${end}`}`
    );
    expect(out.textBody).toContain(`Protocol: ${finding.network.protocol}`);
    for (const step of finding.network.path)
      expect(out.textBody).toContain(step.componentId);
  }
  if (finding.code) {
    for (const cwe of finding.code.cwes) expect(out.chatbotBody).toContain(cwe);
    expect(out.textBody).toContain(
      `File: ${finding.code.filePath ?? finding.code.fileName}`
    );
  }
  if (finding.compliance?.controlId) {
    expect(out.textBody).toContain(`Control: ${finding.compliance.controlId}`);
  }
  if (finding.compliance?.status) {
    expect(out.textBody).toContain(`Compliance: ${finding.compliance.status}`);
  }
  if (finding.type === 'THREAT_DETECTION') {
    expect(out.textBody).toMatch(/Threat type: \S+/);
  }
  if (/^none provided$/i.test(finding.remediation?.text ?? '')) {
    expect(out.textBody).not.toMatch(/Next steps:\n- None Provided/i);
  }
};

describe('Sample events: every format of every event in events/', () => {
  it.each(sampleCases())('renders $where', assertFormats);
});

describe.skipIf(!corpusExists)(
  'Corpus: every format of every handled finding',
  () => {
    const cases = corpusCases();

    it('reads findings from every handled folder', () => {
      expect(cases.length).toBeGreaterThanOrEqual(70);
    });

    it.each(cases)('renders $where', assertFormats);
  }
);
