/**
 * Formats a route can publish in: `chatbot` (AWS Chatbot / Amazon Q
 * Developer custom notification JSON), `slack` (Block Kit message JSON),
 * `text` (plain text for e-mail).
 */
export const MESSAGE_FORMATS = ['chatbot', 'slack', 'text'] as const;
export type MessageFormat = (typeof MESSAGE_FORMATS)[number];
