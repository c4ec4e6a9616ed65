import type { HeaderBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { SlackMessage } from '../../../src/formatters/slack-message.js';
import { blockKitProblems } from '../../helpers/block-kit-limits.js';

/*
 * The slack format's blocks are typed with Slack's own @slack/types: a
 * block Slack rejects does not compile. `npx tsc --noEmit` checks the
 * @ts-expect-error lines below: if a type stopped rejecting them, the
 * typecheck fails on the unused directive.
 */
describe('slack format: Block Kit types', () => {
  it('rejects at compile time what Slack rejects at run time', () => {
    const header: HeaderBlock = {
      type: 'header',
      // @ts-expect-error a header takes plain_text only
      text: { type: 'mrkdwn', text: '*HIGH*' },
    };
    const section: SectionBlock = {
      type: 'section',
      // @ts-expect-error a text object has a type
      text: { text: 'no type' },
    };
    const message: SlackMessage = {
      text: 'fallback',
      // @ts-expect-error not a known block
      blocks: [{ type: 'sectoin', text: 'x' }],
    };
    expect(blockKitProblems({ text: 'x', blocks: [header] })).toEqual([
      'blocks[0].text: must be plain_text',
    ]);
    expect(blockKitProblems({ text: 'x', blocks: [section] })).not.toEqual([]);
    expect(blockKitProblems(message)).not.toEqual([]);
  });
});
