/**
 * Why a finding is announced, as the dedup state decides it: first open
 * state, a higher severity, a resolution, or the same state after the window;
 * or a person's request to share it.
 */
export type Variant =
  | 'new'
  | 'escalated'
  | 'resolved'
  | 'reminder'
  /** A person shared it with a Security Hub custom action. */
  | 'shared';
