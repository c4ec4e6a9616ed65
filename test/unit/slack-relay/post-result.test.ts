import { describe, expect, it } from 'vitest';
import {
  classifyHttp,
  retryAfterMs,
} from '../../../src/slack-relay/post-result.js';

describe('classifyHttp: what an incoming webhook answer means', () => {
  it.each([
    { status: 200, body: 'ok', kind: 'posted' },
    { status: 400, body: 'invalid_blocks', kind: 'permanent' },
    { status: 400, body: 'invalid_payload', kind: 'permanent' },
    { status: 403, body: 'invalid_token', kind: 'permanent' },
    { status: 403, body: 'action_prohibited', kind: 'permanent' },
    { status: 404, body: 'no_service', kind: 'permanent' },
    { status: 404, body: 'channel_not_found', kind: 'permanent' },
    { status: 410, body: 'channel_is_archived', kind: 'permanent' },
    { status: 500, body: 'rollup_error', kind: 'transient' },
    { status: 503, body: '<html>down</html>', kind: 'transient' },
    { status: 429, body: 'rate_limited', kind: 'rate-limited' },
  ])('$status $body → $kind', ({ status, body, kind }) => {
    expect(classifyHttp(status, body, '2').kind).toBe(kind);
  });

  it("names Slack's error and the status, and nothing else from the body", () => {
    expect(classifyHttp(404, 'no_service', null)).toEqual({
      kind: 'permanent',
      reason: 'HTTP 404 no_service',
    });
    expect(classifyHttp(502, '<html>secret stuff</html>', null)).toEqual({
      kind: 'transient',
      reason: 'HTTP 502 unexpected response',
    });
  });

  it.each([
    { header: '3', ms: 3_000 },
    { header: '0', ms: 0 },
    { header: '1.5', ms: 1_500 },
    { header: null, ms: 1_000 },
    { header: 'soon', ms: 1_000 },
    { header: '-4', ms: 1_000 },
  ])('Retry-After $header → $ms ms', ({ header, ms }) => {
    expect(retryAfterMs(header)).toBe(ms);
  });
});
