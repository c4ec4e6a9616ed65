/**
 * The channels a finding can arrive on, as the config's `source` condition
 * names them: `inspector2` (Amazon Inspector's own events) and
 * `securityhub` (Security Hub's). Each event kind names its channel.
 */
export const CHANNELS = ['inspector2', 'securityhub'] as const;

export type Channel = (typeof CHANNELS)[number];
