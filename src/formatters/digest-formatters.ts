import type { MessageFormat } from '../config/message-formats.js';
import { chatbotDigest } from './digest-chatbot.js';
import type { DigestFormatter } from './digest-render.js';
import { slackDigest } from './digest-slack.js';
import { textDigest } from './digest-text.js';

/** One digest formatter per configurable format. */
export const DIGEST_FORMATTERS = {
  chatbot: chatbotDigest,
  slack: slackDigest,
  text: textDigest,
} as const satisfies Record<MessageFormat, DigestFormatter>;
