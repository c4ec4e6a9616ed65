import type { MessageFormat } from '../config/message-formats.js';
import { formatChatbot } from './chatbot.js';
import type { Formatter } from './formatter.js';
import { formatSlack } from './slack.js';
import { formatText } from './text.js';

/** One formatter per configurable format. */
export const FORMATTERS = {
  chatbot: formatChatbot,
  slack: formatSlack,
  text: formatText,
} as const satisfies Record<MessageFormat, Formatter>;
