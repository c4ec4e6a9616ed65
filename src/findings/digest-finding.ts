import type { Finding } from './finding.js';

/**
 * What a digest needs of a finding: its group (vulnerability, control,
 * detector or title), its resource, account and severity, and the fields
 * of its report and SNS attributes. A `Finding` is one; a finding held for
 * a later digest travels as this projection (`digestFindingOf`), a few
 * hundred bytes instead of the whole finding.
 */
export type DigestFinding = Pick<
  Finding,
  | 'id'
  | 'product'
  | 'company'
  | 'type'
  | 'title'
  | 'accountId'
  | 'region'
  | 'severity'
> & {
  readonly status: Pick<Finding['status'], 'lifecycle'>;
  readonly resources: readonly {
    readonly id: string;
    readonly name?: string;
  }[];
  readonly vulnerability?: { readonly ids: readonly string[] };
  readonly compliance?: { readonly controlId?: string };
  readonly code?: { readonly detectorId?: string; readonly ruleId?: string };
};

/** The projection of `finding` a digest renders exactly as it renders the finding. */
export const digestFindingOf = (finding: DigestFinding): DigestFinding => {
  const [resource] = finding.resources;
  const vulnerability = finding.vulnerability?.ids[0];
  const control = finding.compliance?.controlId;
  const { detectorId, ruleId } = finding.code ?? {};
  return {
    id: finding.id,
    product: finding.product,
    company: finding.company,
    type: finding.type,
    title: finding.title,
    accountId: finding.accountId,
    region: finding.region,
    severity: finding.severity,
    status: { lifecycle: finding.status.lifecycle },
    resources: resource
      ? [
          {
            id: resource.id,
            ...(resource.name === undefined ? {} : { name: resource.name }),
          },
        ]
      : [],
    ...(vulnerability ? { vulnerability: { ids: [vulnerability] } } : {}),
    ...(control ? { compliance: { controlId: control } } : {}),
    ...(detectorId || ruleId
      ? {
          code: {
            ...(detectorId ? { detectorId } : {}),
            ...(ruleId ? { ruleId } : {}),
          },
        }
      : {}),
  };
};
