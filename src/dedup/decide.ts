import type { Variant } from '../format/render.js';
import type { AnnouncedState } from './dedup-store.js';

export type Decision =
  | { readonly announce: true; readonly variant: Variant }
  | { readonly announce: false; readonly reason: string };

/**
 * Whether a state is worth announcing given the last announced one.
 * Pure: the stores call it inside their atomic claim.
 */
export const decide = (
  previous: { readonly state: AnnouncedState; readonly at: number } | undefined,
  current: AnnouncedState,
  now: number,
  windowMs: number
): Decision => {
  if (!previous) return { announce: true, variant: 'new' };
  if (previous.state.fingerprint !== current.fingerprint) {
    return { announce: true, variant: 'new' };
  }
  if (now - previous.at >= windowMs)
    return { announce: true, variant: 'reminder' };
  return {
    announce: false,
    reason: `same state announced ${new Date(previous.at).toISOString()}, within the dedup window`,
  };
};
