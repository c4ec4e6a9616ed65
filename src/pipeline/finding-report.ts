import type { DigestFinding } from '../findings/digest-finding.js';
import type { Finding } from '../findings/finding.js';
import type { Delivery, FindingReport } from './outcome.js';

const resourceOf = (finding: DigestFinding): string => {
  const resource = finding.resources[0];
  return resource?.name
    ? `${resource.name} (${resource.id})`
    : (resource?.id ?? 'unknown');
};

/** What happened to one finding, as the pipeline reports it. */
export const report = (
  finding: DigestFinding,
  outcome: FindingReport['outcome'],
  reason: string,
  deliveries: readonly Delivery[]
): FindingReport => ({
  findingId: finding.id,
  product: finding.product,
  type: finding.type,
  title: finding.title,
  resource: resourceOf(finding),
  severity: finding.severity,
  lifecycle: finding.status.lifecycle,
  outcome,
  reason,
  deliveries,
});

/**
 * Splits findings into waves in which each finding id appears once, keeping
 * their order: the same finding in two states in one event is claimed (and
 * confirmed) one state after the other, never against its own live claim.
 */
export const waves = (findings: readonly Finding[]): Finding[][] => {
  const result: Finding[][] = [];
  const seen = new Map<string, number>();
  for (const finding of findings) {
    const index = seen.get(finding.id) ?? 0;
    seen.set(finding.id, index + 1);
    const wave = result[index] ?? [];
    wave.push(finding);
    result[index] = wave;
  }
  return result;
};
