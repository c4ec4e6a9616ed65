import type { MessageFormat } from '../config/message-formats.js';
import type { Finding } from '../findings/finding.js';
import type {
  DetailLevel,
  Formatter,
  RenderContext,
  RenderedMessage,
} from './formatter.js';
import { FORMATTERS } from './formatter-by-format.js';
import { messageAttributes } from './message-attributes.js';
import { fitSns } from './sns-size.js';

/** What rendering needs to know about a route. */
export type RenderRoute = {
  readonly name: string;
  readonly format: MessageFormat;
  /** Per-protocol bodies in one publish (SNS `MessageStructure: json`). */
  readonly perProtocol?: boolean;
};

/**
 * Per-protocol bodies. People's protocols get the plain text: `email`, and
 * `default` (required by SNS; used by `email-json`, SMS and mobile push).
 * Machine subscribers get the route's own format: `https` (how AWS Chatbot
 * subscribes), `http`, and `sqs`, `lambda`, `firehose` (a relay posting
 * Block Kit to a Slack webhook, an archive).
 */
const MACHINE_PROTOCOLS = [
  'https',
  'http',
  'sqs',
  'lambda',
  'firehose',
] as const;

export const perProtocolBody = (
  text: RenderedMessage,
  machine: RenderedMessage
): RenderedMessage => ({
  subject: text.subject,
  structure: 'json',
  body: JSON.stringify({
    default: text.body,
    email: text.body,
    ...Object.fromEntries(
      MACHINE_PROTOCOLS.map((protocol) => [protocol, machine.body])
    ),
  }),
});

/**
 * The message for one route: the route's format, or with `perProtocol` an
 * SNS `MessageStructure: json` body holding the text and the route's
 * format, shrunk (see `sns-size.ts`) until the whole publish, attributes
 * included, is within 256 KiB.
 */
export const renderForRoute = (
  route: RenderRoute,
  finding: Finding,
  context: RenderContext,
  formatters: Readonly<Record<string, Formatter>> = FORMATTERS,
  /** The SNS message attributes published with it (they count toward 256 KiB). */
  attributes: Readonly<Record<string, string>> = messageAttributes(
    finding,
    route.name
  )
): RenderedMessage => {
  const formatter = formatters[route.format];
  if (!formatter) throw new Error(`No formatter for format "${route.format}"`);
  const text = formatters.text ?? FORMATTERS.text;
  const render = (detail: DetailLevel): RenderedMessage => {
    const machine = formatter(finding, { ...context, detail });
    return route.perProtocol
      ? perProtocolBody(text(finding, { ...context, detail }), machine)
      : machine;
  };
  return fitSns(render, attributes);
};
