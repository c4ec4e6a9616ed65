import { fromInspector2Coverage } from '../findings/from-inspector2-coverage.js';
import type { EventKind } from './event-kind.js';
import { noticeReader } from './notice-context.js';

/**
 * Amazon Inspector's coverage events: one resource's scan status changed
 * (a blind spot opened with `INACTIVE`, or closed with `ACTIVE`). Routes
 * receive them only when they ask (`kind: coverage` or a `coverage` key).
 */
export const INSPECTOR2_COVERAGE: EventKind = {
  id: 'Inspector2Coverage',
  description: 'Amazon Inspector coverage changes to findings-notifier',
  source: 'aws.inspector2',
  detailType: 'Inspector2 Coverage',
  channel: 'inspector2',
  itemKind: 'coverage',
  read: noticeReader('inspector2CoverageDetail', fromInspector2Coverage),
  samples: {
    events: ['inspector2-coverage'],
    corpus: ['inspector2-coverage'],
  },
};
