import type { Resource } from '../findings/finding.js';
import { type Check, list } from './check.js';
import { globMatcher } from './glob.js';

type TagTest = (tags: Resource['tags']) => boolean;

/** A tag's value by key, whatever the case of the key (`Team` is `team`). */
const tagValue = (
  tags: Resource['tags'],
  lowerKey: string
): string | undefined => {
  for (const key in tags) {
    if (Object.hasOwn(tags, key) && key.toLowerCase() === lowerKey)
      return tags[key];
  }
  return undefined;
};

const tagTest = (key: string, test: boolean | string): TagTest => {
  const lower = key.toLowerCase();
  if (test === true) return (tags) => tagValue(tags, lower) !== undefined;
  if (test === false) return (tags) => tagValue(tags, lower) === undefined;
  const matches = globMatcher(test);
  return (tags) => {
    const value = tagValue(tags, lower);
    return value !== undefined && matches(value);
  };
};

/** The tests as people read them: `InspectorEc2Exclusion (present)`, `team=payments`. */
export const describeTags = (
  tests: Readonly<Record<string, boolean | string>>
): string =>
  Object.entries(tests)
    .map(([key, test]) =>
      test === true
        ? `${key} (present)`
        : test === false
          ? `${key} (absent)`
          : `${key}=${test}`
    )
    .join(', ');

/** Matches when one resource satisfies every tag test; keys in any case. */
export const tagsCheck = (
  tests: Readonly<Record<string, boolean | string>>
): Check => {
  const compiled = Object.entries(tests).map(([key, test]) =>
    tagTest(key, test)
  );
  const text = describeTags(tests);
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
