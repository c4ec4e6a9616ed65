/**
 * Why a finding is announced, as the dedup state decides it: first open
 * state, a higher severity, a resolution, or the same state after the window.
 */
export type Variant = 'new' | 'escalated' | 'resolved' | 'reminder';
