import { coverageReason } from '../findings/coverage-reasons.js';
import type { Finding } from '../findings/finding.js';
import { countsText } from '../findings/from-inspector2-scan.js';
import { resourceUrl } from './console-links.js';
import { fact, type KindFacts } from './fact-helpers.js';
import type { Line } from './view.js';

/** A resource as a list item: its name, linked to its console page when known. */
const resourceItem = (finding: Finding, index: number): Line => {
  const resource = finding.resources[index];
  if (!resource) return [];
  const url = resourceUrl(resource, finding);
  const label = resource.name ?? resource.id;
  return [
    { text: label, ...(url ? { url } : { code: true }) },
    ...(resource.name && resource.name !== resource.id
      ? [{ text: ' (' }, { text: resource.id, code: true }, { text: ')' }]
      : []),
  ];
};

/** What a coverage or scan notice shows besides the common facts. */
export const noticeFacts = (finding: Finding): KindFacts => {
  const notice = finding.notice;
  if (notice?.kind === 'coverage') {
    const count = notice.count ?? 1;
    return {
      facts: [
        fact('Coverage', `${notice.status} (${notice.reason})`),
        fact('Why', coverageReason(notice.reason).means),
        fact('Scan type', notice.scanType),
        ...(notice.provider && notice.provider !== 'AWS'
          ? [fact('Provider', notice.provider)]
          : []),
        ...(count > 1 ? [fact('Resources', String(count))] : []),
      ],
      sections:
        count > 1
          ? [
              {
                title:
                  notice.status === 'ACTIVE'
                    ? 'Resources scanned again'
                    : 'Resources not scanned',
                noun: 'resources',
                items: finding.resources.map((_, index) =>
                  resourceItem(finding, index)
                ),
              },
            ]
          : [],
    };
  }
  if (notice?.kind === 'scan') {
    return {
      facts: [
        fact(
          'Scan',
          `${notice.scan === 'initial' ? 'initial' : 'on-demand'}, ${notice.status}`
        ),
        ...(notice.statusReason
          ? [fact('Why', coverageReason(notice.statusReason).means)]
          : []),
        ...(notice.status === 'FAILED'
          ? []
          : [fact('Found', countsText(notice))]),
        ...(notice.scanId ? [fact('Scan id', notice.scanId)] : []),
      ],
      sections: [],
    };
  }
  return { facts: [], sections: [] };
};

/** How a notice's severity reads: what it says about scanning, not a score. */
export const noticeSeverityText = (finding: Finding): string | undefined => {
  const notice = finding.notice;
  if (notice?.kind === 'coverage') {
    return notice.status === 'ACTIVE' ? 'SCANNED' : 'NOT SCANNED';
  }
  if (notice?.kind === 'scan') {
    return notice.status === 'FAILED'
      ? 'SCAN FAILED'
      : notice.found === 0
        ? 'SCAN CLEAN'
        : `SCAN ${finding.severity.label}`;
  }
  return undefined;
};
