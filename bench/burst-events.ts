import type { SeverityLabel } from '../src/events/severity.js';

type Json = Record<string, unknown>;

/** Scores inside each label's band, so score and label agree. */
const SCORE = { CRITICAL: 9.5, HIGH: 7.5, MEDIUM: 5.5, LOW: 2.5 } as const;

/** About 5% CRITICAL, 20% HIGH, the rest MEDIUM and LOW. */
export const burstSeverity = (n: number): keyof typeof SCORE =>
  n % 20 === 0 ? 'CRITICAL' : n % 5 === 0 ? 'HIGH' : n % 2 ? 'MEDIUM' : 'LOW';

const NAME_KEYS = new Set([
  'Id',
  'id',
  'uid',
  'Name',
  'name',
  'FunctionName',
  'functionName',
]);

/** Gives a resource (and its name) its own identity: `-<n>` on ids and names. */
const vary = (value: unknown, suffix: string): unknown => {
  if (Array.isArray(value)) return value.map((item) => vary(item, suffix));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value as Json).map(([key, item]) => {
      if (NAME_KEYS.has(key) && typeof item === 'string')
        return [key, `${item}${suffix}`];
      if (/^imageTags$/i.test(key) && Array.isArray(item))
        return [key, item.map((tag) => `${String(tag)}${suffix}`)];
      return [key, vary(item, suffix)];
    })
  );
};

const setSeverity = (detail: Json, label: SeverityLabel) => {
  const score = SCORE[label as keyof typeof SCORE];
  if (typeof detail.findingArn === 'string') {
    detail.severity = label;
    detail.inspectorScore = score;
    return;
  }
  for (const finding of (detail.findings ?? []) as Json[]) {
    if (finding.finding_info) {
      // OCSF (Findings Imported V2): severity_id 5 is Critical, 4 High.
      finding.severity = label.charAt(0) + label.slice(1).toLowerCase();
      finding.severity_id = { CRITICAL: 5, HIGH: 4, MEDIUM: 3, LOW: 2 }[
        label as keyof typeof SCORE
      ];
      continue;
    }
    finding.Severity = { Label: label, Normalized: Math.round(score * 10) };
    const provider = finding.FindingProviderFields as Json | undefined;
    if (provider) provider.Severity = { Label: label };
    const fields = finding.ProductFields as Record<string, string> | undefined;
    if (fields?.['aws/inspector/inspectorScore'])
      fields['aws/inspector/inspectorScore'] = score.toFixed(1);
  }
};

/**
 * Finding `n` of the burst: sample `n` mod the samples, with its own
 * finding id, resource, event id and the burst's severity.
 */
export const burstEvent = (samples: readonly Json[], n: number): Json => {
  const event = structuredClone(samples[n % samples.length] as Json);
  const detail = event.detail as Json;
  const suffix = `-b${n}`;
  if (typeof detail.findingArn === 'string') {
    detail.findingArn = `${detail.findingArn}${suffix}`;
    detail.resources = vary(detail.resources, suffix);
  }
  if (Array.isArray(detail.findings)) {
    detail.findings = (detail.findings as Json[]).slice(0, 1).map((finding) =>
      finding.finding_info
        ? {
            ...finding,
            finding_info: {
              ...(finding.finding_info as Json),
              uid: `${String((finding.finding_info as Json).uid)}${suffix}`,
            },
            resources: vary(finding.resources, suffix),
          }
        : {
            ...finding,
            Id: `${String(finding.Id)}${suffix}`,
            Resources: vary(finding.Resources, suffix),
          }
    );
  }
  setSeverity(detail, burstSeverity(n));
  event.id = `burst-${n}`;
  return event;
};
