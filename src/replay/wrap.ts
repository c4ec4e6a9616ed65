import { isObject, type Json } from '../findings/values.js';

/**
 * Shapes a person is likely to have on disk besides EventBridge events:
 * `aws securityhub get-findings` output, `aws inspector2 list-findings`
 * output, or a bare finding. Each finding is wrapped in the envelope
 * EventBridge would have delivered it in, so the real handler reads it.
 */
export type Unwrapped = { readonly event: unknown; readonly wrapped?: string };

const isAsff = (value: unknown): value is Json =>
  isObject(value) &&
  typeof value.ProductArn === 'string' &&
  'SchemaVersion' in value;

const isInspector2 = (value: unknown): value is Json =>
  isObject(value) && typeof value.findingArn === 'string';

const isEvent = (value: Json) => 'detail-type' in value || 'detail' in value;

const text = (value: unknown, fallback: string) =>
  typeof value === 'string' ? value : fallback;

const regionOfArn = (arn: unknown) =>
  typeof arn === 'string' ? (arn.split(':')[3] ?? '') : '';

export const wrapAsff = (finding: Json): Json => ({
  version: '0',
  id: `replay-${text(finding.Id, 'finding').slice(-36)}`,
  'detail-type': 'Security Hub Findings - Imported',
  source: 'aws.securityhub',
  account: text(finding.AwsAccountId, '000000000000'),
  time: text(finding.UpdatedAt, new Date(0).toISOString()),
  region: text(finding.Region, regionOfArn(finding.ProductArn)),
  resources: [`${text(finding.ProductArn, '')}/${text(finding.Id, '')}`],
  detail: { findings: [finding] },
});

export const wrapInspector2 = (finding: Json): Json => ({
  version: '0',
  id: `replay-${text(finding.findingArn, 'finding').slice(-32)}`,
  'detail-type': 'Inspector2 Finding',
  source: 'aws.inspector2',
  account: text(finding.awsAccountId, '000000000000'),
  time: new Date(0).toISOString(),
  region: regionOfArn(finding.findingArn),
  resources: [],
  detail: finding,
});

/**
 * A Lambda on-failure destination record (the body of a failure-queue
 * message): the event the function failed on is its `requestPayload`.
 */
const isFailureRecord = (value: Json): boolean =>
  isObject(value.requestContext) && 'requestPayload' in value;

const wrapOne = (value: unknown): Unwrapped => {
  if (isObject(value) && isFailureRecord(value)) {
    return {
      event: value.requestPayload,
      wrapped: 'failure destination record',
    };
  }
  if (isObject(value) && !isEvent(value)) {
    if (isAsff(value))
      return { event: wrapAsff(value), wrapped: 'ASFF finding' };
    if (isInspector2(value)) {
      return { event: wrapInspector2(value), wrapped: 'Inspector2 finding' };
    }
  }
  return { event: value };
};

/** The events in one parsed file: one event, an array, or a findings listing. */
export const eventsOf = (document: unknown): Unwrapped[] => {
  if (Array.isArray(document)) return document.map(wrapOne);
  if (isObject(document) && !isEvent(document)) {
    const listing = document.Findings ?? document.findings;
    if (
      Array.isArray(listing) &&
      listing.every((item) => isAsff(item) || isInspector2(item))
    ) {
      return listing.map(wrapOne);
    }
  }
  return [wrapOne(document)];
};
