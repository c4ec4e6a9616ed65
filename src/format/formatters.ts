import { formatChatbot } from './chatbot.js';
import type { MessageFormat } from './formats.js';
import type { Formatter } from './render.js';

/** One formatter per configurable format. */
export const FORMATTERS = {
  chatbot: formatChatbot,
} as const satisfies Record<MessageFormat, Formatter>;
