/** Formats a route can publish in. */
export const MESSAGE_FORMATS = ['chatbot'] as const;
export type MessageFormat = (typeof MESSAGE_FORMATS)[number];
