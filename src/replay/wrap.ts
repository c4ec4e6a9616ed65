import type { EventKind } from '../event-kinds/event-kind.js';
import { EVENT_KINDS } from '../event-kinds/registry.js';
import { isObject, type Json } from '../findings/values.js';

/**
 * Shapes a person is likely to have on disk besides EventBridge events:
 * `aws securityhub get-findings` output, `aws inspector2 list-findings`
 * output, or a bare finding. Each finding is wrapped in the envelope
 * EventBridge would have delivered it in (each event kind says how, see
 * `BareFinding`), so the real handler reads it.
 */
export type Unwrapped = { readonly event: unknown; readonly wrapped?: string };

const isEvent = (value: Json) => 'detail-type' in value || 'detail' in value;

const bareKindOf = (value: unknown, kinds: readonly EventKind[]) =>
  isObject(value) && !isEvent(value)
    ? kinds.find((kind) => kind.bare?.is(value))?.bare
    : undefined;

const wrapOne = (value: unknown, kinds: readonly EventKind[]): Unwrapped => {
  const bare = bareKindOf(value, kinds);
  return bare && isObject(value)
    ? { event: bare.wrap(value), wrapped: bare.name }
    : { event: value };
};

/** The events in one parsed file: one event, an array, or a findings listing. */
export const eventsOf = (
  document: unknown,
  kinds: readonly EventKind[] = EVENT_KINDS
): Unwrapped[] => {
  if (Array.isArray(document)) {
    return document.map((value) => wrapOne(value, kinds));
  }
  if (isObject(document) && !isEvent(document)) {
    const listing = document.Findings ?? document.findings;
    if (
      Array.isArray(listing) &&
      listing.every((item) => bareKindOf(item, kinds) !== undefined)
    ) {
      return listing.map((value) => wrapOne(value, kinds));
    }
  }
  return [wrapOne(document, kinds)];
};
