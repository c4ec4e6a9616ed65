import type { z } from 'zod';

/** `detail.findings[0].Severity` from a zod issue path. */
export const formatPath = (
  prefix: string,
  path: readonly PropertyKey[]
): string =>
  path.reduce<string>(
    (text, key) =>
      typeof key === 'number'
        ? `${text}[${key}]`
        : /^[A-Za-z_$][\w$-]*$/.test(String(key))
          ? `${text}${text ? '.' : ''}${String(key)}`
          : `${text}[${JSON.stringify(String(key))}]`,
    prefix
  );

/**
 * Every issue of a failed parse, each naming its field path, e.g.
 * `detail.resources: expected array, received undefined`.
 */
export const describeIssues = (prefix: string, error: z.ZodError): string =>
  error.issues
    .slice(0, 5)
    .map(
      (issue) =>
        `${formatPath(prefix, issue.path) || '(event)'}: ${issue.message}`
    )
    .concat(
      error.issues.length > 5 ? [`and ${error.issues.length - 5} more`] : []
    )
    .join('; ');
