import type { Resource } from '../findings/finding.js';
import { type Check, list } from './check.js';
import { globMatcher } from './glob.js';

type TagTest = (tags: Resource['tags']) => boolean;

const tagTest = (key: string, test: boolean | string): TagTest => {
  if (test === true) return (tags) => Object.hasOwn(tags, key);
  if (test === false) return (tags) => !Object.hasOwn(tags, key);
  const matches = globMatcher(test);
  return (tags) => Object.hasOwn(tags, key) && matches(tags[key] ?? '');
};

/** Matches when one resource satisfies every tag test. */
export const tagsCheck = (
  tests: Readonly<Record<string, boolean | string>>
): Check => {
  const compiled = Object.entries(tests).map(([key, test]) =>
    tagTest(key, test)
  );
  const text = Object.entries(tests)
    .map(([key, test]) =>
      test === true ? key : test === false ? `!${key}` : `${key}=${test}`
    )
    .join(', ');
  return (finding) =>
    finding.resources.some((resource) =>
      compiled.every((test) => test(resource.tags))
    )
      ? undefined
      : `no resource has tags ${text}`;
};

export const portsCheck = (
  ranges: readonly { begin: number; end: number }[]
): Check => {
  const text = list(
    ranges.map(({ begin, end }) => (begin === end ? begin : `${begin}-${end}`))
  );
  return (finding) => {
    const open = finding.network?.portRange;
    if (!open) return 'finding has no open port range';
    return ranges.some(
      ({ begin, end }) => begin <= open.end && open.begin <= end
    )
      ? undefined
      : `open ports ${open.begin}-${open.end} are not ${text}`;
  };
};

export const protocolCheck =
  (protocols: readonly string[]): Check =>
  (finding) => {
    const protocol = finding.network?.protocol;
    if (!protocol) return 'finding has no network protocol';
    return protocols.includes(protocol.toUpperCase())
      ? undefined
      : `protocol ${protocol} is not ${list(protocols)}`;
  };
