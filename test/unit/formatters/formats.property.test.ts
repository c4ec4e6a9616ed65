import * as fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MESSAGE_FORMATS } from '../../../src/config/message-formats.js';
import { messageAttributes } from '../../../src/formatters/message-attributes.js';
import { renderForRoute } from '../../../src/formatters/render-route.js';
import {
  publishBytes,
  SNS_MAX_BYTES,
} from '../../../src/formatters/sns-size.js';
import { aFinding } from '../../helpers/a-finding.js';
import {
  arbitraryContext,
  arbitraryFinding,
  HOSTILE,
} from '../../helpers/finding-arbitrary.js';
import { messageProblems } from '../../helpers/message-checks.js';

const ROUTES = [
  ...MESSAGE_FORMATS.map((format) => ({ name: 'r', format })),
  ...MESSAGE_FORMATS.map((format) => ({
    name: 'r',
    format,
    perProtocol: true,
  })),
];

let largest = 0;

const renderAll = (
  finding: Parameters<typeof renderForRoute>[1],
  context: Parameters<typeof renderForRoute>[2]
) =>
  ROUTES.map((route) => {
    const message = renderForRoute(route, finding, context);
    const bytes = publishBytes(message, messageAttributes(finding, route.name));
    largest = Math.max(largest, bytes);
    return { route, message, bytes };
  });

describe('Property: every format of any finding', () => {
  afterAll(() => {
    // The figure reported with the change.
    console.info(`largest publish measured: ${largest} bytes`);
  });

  it('stays within every limit and contains no unescaped control sequence', () => {
    fc.assert(
      fc.property(arbitraryFinding(), arbitraryContext, (finding, context) => {
        for (const { route, message, bytes } of renderAll(finding, context)) {
          expect(bytes).toBeLessThanOrEqual(SNS_MAX_BYTES);
          expect(messageProblems(route.format, message)).toEqual([]);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 150) }
    );
  });

  it('stays within the limits for a 1 MB description and 10,000 packages', () => {
    // Prepare
    const hostile = HOSTILE.join(' ');
    const finding = aFinding({
      title: hostile.repeat(20),
      description: `${hostile}\n`.repeat(Math.ceil(1_048_576 / hostile.length)),
      vulnerability: {
        ids: ['CVE-2024-0001', '<!channel>'],
        cvss: [],
        packages: Array.from({ length: 10_000 }, (_, index) => ({
          name: `pkg-${index}-${hostile}`,
          version: '1.0.0',
          fixedInVersion: '1.0.1',
        })),
        referenceUrls: [],
      },
    });

    // Act
    const rendered = renderAll(finding, { route: 'r', variant: 'new' });

    // Assess
    for (const { route, message, bytes } of rendered) {
      expect(bytes).toBeLessThanOrEqual(SNS_MAX_BYTES);
      expect(messageProblems(route.format, message)).toEqual([]);
    }
    const slack = rendered.find(
      ({ route }) => route.format === 'slack' && !('perProtocol' in route)
    );
    expect(slack?.message.body).toContain('and 99');
    expect(slack?.message.body).toMatch(/and \d+ more packages/);
  });

  it('fits 256 KiB when every field is full of what JSON escapes twice', () => {
    // Prepare: `"` and `\` take 4 bytes once a JSON body is nested in the
    // per-protocol JSON, the worst case for the SNS size.
    const nasty = '"\\'.repeat(3000);
    const finding = aFinding({
      title: nasty,
      description: nasty,
      product: nasty,
      accountId: nasty,
      remediation: { text: nasty },
      resources: Array.from({ length: 10 }, () => ({
        type: 'X',
        providerType: nasty,
        id: nasty,
        name: nasty,
        tags: {},
        details: { [nasty.slice(0, 30)]: nasty },
      })),
      vulnerability: {
        ids: [nasty, nasty],
        cvss: [],
        packages: Array.from({ length: 100 }, (_, index) => ({
          name: nasty,
          version: nasty,
          fixedInVersion: nasty,
          remediation: `${nasty}${index}`,
        })),
        referenceUrls: [],
      },
    });

    // Act
    const rendered = renderAll(finding, {
      route: 'r',
      variant: 'escalated',
      previousSeverity: 'LOW',
    });

    // Assess
    for (const { route, message, bytes } of rendered) {
      expect(bytes).toBeLessThanOrEqual(SNS_MAX_BYTES);
      expect(messageProblems(route.format, message)).toEqual([]);
    }
  });

  it('keeps publishing hostile strings inert in every field at once', () => {
    fc.assert(
      fc.property(fc.constantFrom(...HOSTILE), (hostile) => {
        // Prepare
        const finding = aFinding({
          title: hostile,
          description: hostile,
          product: hostile,
          accountId: hostile,
          remediation: { text: hostile, url: hostile },
          resources: [
            {
              type: 'AwsEc2Instance',
              providerType: hostile,
              id: hostile,
              name: hostile,
              tags: { [hostile]: hostile },
              details: { [hostile]: hostile },
            },
          ],
        });

        // Act & Assess
        for (const { route, message } of renderAll(finding, {
          route: 'r',
          variant: 'escalated',
          previousSeverity: 'LOW',
        })) {
          expect(messageProblems(route.format, message)).toEqual([]);
        }
      })
    );
  });
});
