import type { Finding } from '../findings/finding.js';
import {
  inspectorFindingUrl,
  providerFindingUrl,
  remediationUrl,
  resourceUrl,
  securityHubFindingUrl,
} from './console-links.js';
import type { ConsoleLink } from './view.js';

/** A product name fit for a 75-character button: letters, digits, spaces. */
const truncateName = (product: string): string =>
  product
    .replace(/[^A-Za-z0-9 .-]/g, '')
    .slice(0, 40)
    .trim() || 'provider console';

/** The finding's console pages, each built from validated values only. */
export const findingLinks = (finding: Finding): ConsoleLink[] => {
  const result: ConsoleLink[] = [];
  const inspector = inspectorFindingUrl(finding);
  if (inspector) result.push({ text: 'Open in Inspector', url: inspector });
  const securityHub = securityHubFindingUrl(finding);
  if (securityHub) {
    result.push({ text: 'Open in Security Hub', url: securityHub });
  }
  const provider = providerFindingUrl(finding);
  if (provider) {
    result.push({
      text: `Open in ${truncateName(finding.product)}`,
      url: provider,
    });
  }
  const resource = finding.resources[0];
  const resourceLink = resource && resourceUrl(resource, finding);
  if (resourceLink) result.push({ text: 'Open resource', url: resourceLink });
  const remediation = remediationUrl(finding);
  if (remediation) result.push({ text: 'Remediation guide', url: remediation });
  return result;
};
