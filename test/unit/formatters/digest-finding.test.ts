import { describe, expect, it } from 'vitest';
import type { MessageFormat } from '../../../src/config/message-formats.js';
import { digestFindingOf } from '../../../src/findings/digest-finding.js';
import type { Finding } from '../../../src/findings/finding.js';
import { renderDigestForRoute } from '../../../src/formatters/render-digest-route.js';
import { aFinding } from '../../helpers/a-finding.js';

const findings: Finding[] = Array.from({ length: 40 }, (_, n) => {
  const base = aFinding();
  return {
    ...base,
    id: `finding-${n}`,
    accountId: n % 4 === 0 ? '210987654321' : base.accountId,
    severity: { ...base.severity, label: n % 3 === 0 ? 'HIGH' : 'MEDIUM' },
    resources: base.resources.map((resource) => ({
      ...resource,
      id: `arn:aws:lambda:eu-central-1:123456789012:function:fn-${n}`,
      ...(n % 2 ? { name: `fn-${n}` } : {}),
    })),
    ...(n % 5 === 0
      ? {
          vulnerability: undefined,
          compliance: {
            controlId: `S3.${n % 2}`,
            standards: [],
            relatedRequirements: [],
          },
        }
      : {}),
  };
});

const render = (
  format: MessageFormat,
  items: readonly { finding: Finding | ReturnType<typeof digestFindingOf> }[]
) =>
  renderDigestForRoute(
    { name: 'team', format, perProtocol: format === 'chatbot' },
    { id: 'd1', route: 'team', variant: 'new', nameFrom: 'HIGH', items },
    { kind: 'digest' }
  );

describe('Digest finding: the projection a held finding travels as', () => {
  it.each(['chatbot', 'slack', 'text'] as const)(
    'renders a %s digest exactly as the whole findings do',
    (format) => {
      const whole = render(
        format,
        findings.map((finding) => ({ finding }))
      );
      const held = render(
        format,
        findings.map((finding) => ({
          finding: JSON.parse(JSON.stringify(digestFindingOf(finding))),
        }))
      );

      expect(held).toEqual(whole);
      expect(whole.length).toBeGreaterThan(0);
    }
  );
});
