/**
 * What the function's `securityhub:BatchUpdateFindings` may change: the
 * workflow status, to NOTIFIED, and the note. The Security Hub condition
 * keys `securityhub:ASFFSyntaxPath/<field>` name the fields a request sets;
 * `Null: true` requires a field to be absent. Shared by the CDK grant and
 * checked against the SAM template (test/infra/sam-parity.test.ts).
 */
export const ACKNOWLEDGE_CONDITIONS = {
  StringEquals: { 'securityhub:ASFFSyntaxPath/Workflow.Status': 'NOTIFIED' },
  Null: Object.fromEntries(
    [
      'Confidence',
      'Criticality',
      'RelatedFindings',
      'Severity.Label',
      'Severity.Normalized',
      'Severity.Product',
      'Types',
      'UserDefinedFields',
      'VerificationState',
    ].map((field) => [`securityhub:ASFFSyntaxPath/${field}`, 'true'])
  ),
} as const;
