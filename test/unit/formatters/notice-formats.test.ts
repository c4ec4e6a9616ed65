import { describe, expect, it } from 'vitest';
import { MESSAGE_FORMATS } from '../../../src/config/message-formats.js';
import { parseEvent } from '../../../src/event-kinds/parse-event.js';
import type { Finding } from '../../../src/findings/finding.js';
import { renderForRoute } from '../../../src/formatters/render-route.js';
import { groupedNotice } from '../../../src/pipeline/group-coverage.js';
import { getTestEvent } from '../../helpers/events.js';

const findingsOf = (folder: string, name: string): Finding[] => {
  const parsed = parseEvent(getTestEvent(folder, name));
  if (parsed.kind !== 'findings') throw new Error(`${name}: ${parsed.kind}`);
  return [...parsed.findings];
};

const [blindSpot] = findingsOf(
  'inspector2-coverage',
  'ec2-coverage-inactive-unmanaged-docs'
);
const fleet = groupedNotice(
  Array.from({ length: 120 }, (_, index) => ({
    ...(blindSpot as Finding),
    resources: [
      {
        ...(blindSpot as Finding).resources[0],
        id: `i-0aa${index.toString(16).padStart(14, '0')}`,
      } as Finding['resources'][number],
    ],
  }))
);

const CASES = [
  {
    case: 'coverage notice',
    finding: blindSpot,
    says: 'SSM agent',
    variant: 'new',
  },
  {
    case: 'grouped coverage notice',
    finding: fleet,
    says: '120 EC2 instances not scanned',
    variant: 'new',
  },
  {
    case: 'failed on-demand scan',
    finding: findingsOf(
      'inspector2-scan',
      'ondemand-scan-complete-failed-docs'
    )[0],
    says: 'UNSUPPORTED_OS',
    variant: 'new',
  },
  {
    case: 'initial scan summary',
    finding: findingsOf(
      'inspector2-scan',
      'ecr-initial-scan-complete-ecr-docs-2021'
    )[0],
    says: '7 CRITICAL, 61 HIGH, 62 MEDIUM, 28 LOW or below',
    variant: 'new',
  },
  {
    case: 'shared finding',
    finding: findingsOf(
      'securityhub-custom-action',
      'jira-sample-fsbp-ec2.8-new'
    )[0],
    says: 'Shared with the Security Hub custom action',
    variant: 'shared',
  },
] as const;

describe.each(MESSAGE_FORMATS)(
  'Format %s: notices and shared findings',
  (format) => {
    it.each(CASES)(
      'renders the $case, saying what matters',
      ({ finding, says, variant }) => {
        // Act
        const message = renderForRoute(
          { name: 'r', format },
          finding as Finding,
          { route: 'r', variant }
        );

        // Assess
        const body =
          format === 'text' ? message.body : JSON.parse(message.body);
        expect(JSON.stringify(body)).toContain(says);
        expect(message.subject.length).toBeLessThanOrEqual(99);
      }
    );
  }
);
