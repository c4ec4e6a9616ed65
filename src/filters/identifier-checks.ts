import type { Finding, Resource } from '../findings/finding.js';
import { type Check, list } from './check.js';
import { anyGlob } from './glob.js';

/** Matches when one value the finding has matches one of the patterns. */
const someValue =
  (what: string, valuesOf: (finding: Finding) => readonly string[]) =>
  (patterns: readonly string[]): Check => {
    const matches = anyGlob(patterns);
    return (finding) => {
      const values = valuesOf(finding);
      if (values.length === 0) return `finding has no ${what}`;
      return values.some(matches)
        ? undefined
        : `${what} ${list(values)} is not ${list(patterns)}`;
    };
  };

const ECR_REPOSITORY = /:repository\/([^/]+)/;

/** The ECR repository a resource is, or holds an image of. */
const repositoryOf = (resource: Resource): string | undefined =>
  resource.details.repositoryName ??
  resource.details.RepositoryName ??
  (resource.type.startsWith('AwsEcr')
    ? ECR_REPOSITORY.exec(resource.id)?.[1]
    : undefined);

const defined = (values: readonly (string | undefined)[]): string[] =>
  values.filter((value): value is string => value !== undefined);

export const resourceCheck = someValue('resource', (finding) =>
  finding.resources.flatMap((resource) => defined([resource.id, resource.name]))
);

export const ecrRepositoryCheck = someValue('ECR repository', (finding) =>
  defined(finding.resources.map(repositoryOf))
);

export const packageNameCheck = someValue('package', (finding) =>
  (finding.vulnerability?.packages ?? []).map((pkg) => pkg.name)
);

export const controlIdCheck = someValue('control id', (finding) =>
  defined([finding.compliance?.controlId])
);

export const generatorIdCheck = someValue('generator id', (finding) =>
  defined([finding.generatorId])
);
