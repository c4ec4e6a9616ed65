import type { Condition } from '../filters/condition-schema.js';
import { knownProduct } from '../filters/vocabulary-values.js';
import type { Config, Suppression } from './config-schema.js';
import type { Locate } from './locate.js';
import { describeLocation } from './problem-location.js';
import { topicRegions, unallowedTopicRegions } from './topic-regions.js';

type Path = readonly PropertyKey[];

/** Every condition of the config with its path. */
const conditionsOf = (config: Config) => {
  const found: { path: Path; condition: Condition }[] = [];
  const add = (path: Path, list: readonly Condition[] | undefined) =>
    list?.forEach((condition, index) => {
      found.push({ path: [...path, index], condition });
    });
  config.routes.forEach((route, index) => {
    add(['routes', index, 'match'], route.match);
    add(['routes', index, 'exclude'], route.exclude);
    route.suppressions?.forEach((suppression, inner) => {
      add(['routes', index, 'suppressions', inner, 'match'], suppression.match);
    });
  });
  config.suppressions.forEach((suppression, index) => {
    add(['suppressions', index, 'match'], suppression.match);
  });
  return found;
};

const suppressionsOf = (config: Config) => [
  ...config.suppressions.map((suppression, index) => ({
    path: ['suppressions', index] as Path,
    suppression,
  })),
  ...config.routes.flatMap((route, index) =>
    (route.suppressions ?? []).map((suppression: Suppression, inner) => ({
      path: ['routes', index, 'suppressions', inner] as Path,
      suppression,
    }))
  ),
];

/**
 * What is valid but probably not what was meant: a quoted boolean in
 * `tags` (a value test, not "present"), a product no AWS integration names,
 * topics in several Regions that `allowTopicRegions` does not allow (the
 * function publishes in its own), an allowed Region no topic is in, and
 * suppressions that have expired.
 */
export const configWarnings = (
  config: Config,
  document: unknown,
  locate: Locate,
  now: Date
): string[] => {
  const where = (path: Path, key?: string) =>
    describeLocation(document, locate, path, key);
  const warnings: string[] = [];
  for (const { path, condition } of conditionsOf(config)) {
    for (const [key, test] of Object.entries(condition.tags ?? {})) {
      if (typeof test === 'string' && /^(true|false|yes|no)$/i.test(test)) {
        warnings.push(
          `${where([...path, 'tags', key])}: "${test}" is quoted, so it matches the tag's value "${test}"; write ${test.toLowerCase() === 'false' || test.toLowerCase() === 'no' ? 'false (unquoted) for "tag absent"' : 'true (unquoted) for "tag present"'}`
        );
      }
    }
    condition.product?.forEach((product, index) => {
      if (!/[*?]/.test(product) && !knownProduct(product)) {
        warnings.push(
          `${where([...path, 'product', index])}: "${product}" is not a product AWS integrations name; it matches only a partner product of exactly that name`
        );
      }
    });
  }
  const unallowed = unallowedTopicRegions(config);
  if (unallowed.length > 1) {
    warnings.push(
      `routes: topics in several Regions (${unallowed.join(', ')}); synth and sam:params refuse this unless allowTopicRegions lists every Region but the one the function is deployed to`
    );
  }
  const used = topicRegions(config);
  config.allowTopicRegions.forEach((region, index) => {
    if (!used.includes(region)) {
      warnings.push(
        `${where(['allowTopicRegions', index])}: no route topic is in ${region}; remove it`
      );
    }
  });
  for (const { path, suppression } of suppressionsOf(config)) {
    if (suppression.expires && suppression.expires.getTime() <= now.getTime()) {
      warnings.push(
        `${where([...path, 'expires'])}: expired ${suppression.expires.toISOString()} and no longer applies; remove it or extend it`
      );
    }
  }
  return warnings;
};
