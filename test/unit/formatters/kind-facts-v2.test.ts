import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../../src/event-kinds/parse-event.js';
import type { Finding } from '../../../src/findings/finding.js';
import { renderForRoute } from '../../../src/formatters/render-route.js';
import { aSecurityHubEvent, getTestEvent } from '../../helpers/events.js';

const findingOf = (event: unknown): Finding => {
  const parsed = parseEvent(event);
  const [finding] = parsed.kind === 'findings' ? parsed.findings : [];
  if (!finding) throw new Error('no finding in the sample');
  return finding;
};

const textOf = (finding: Finding): string =>
  renderForRoute({ name: 'example', format: 'text' }, finding, {
    route: 'example',
    variant: 'new',
  }).body;

describe('Kind facts of V2 findings', () => {
  it('names the GuardDuty finding type from ASFF and OCSF alike', () => {
    // Act
    const v2 = textOf(
      findingOf(
        getTestEvent('securityhub-v2', 'guardduty-ec2-ssh-bruteforce-high')
      )
    );
    const asff = textOf(
      findingOf(aSecurityHubEvent('imported-guardduty-ssh-bruteforce'))
    );

    // Assess
    expect(v2).toContain('Threat type: UnauthorizedAccess:EC2/SSHBruteForce');
    expect(asff).toContain('Threat type: UnauthorizedAccess:EC2-SSHBruteForce');
  });

  it('names the data type of a sensitive-data finding', () => {
    // Act
    const text = textOf(
      findingOf(
        getTestEvent('securityhub-v2', 'macie-s3-sensitive-data-medium')
      )
    );

    // Assess
    expect(text).toContain('Data type: SensitiveData:S3Object/Personal');
  });

  it('shows control id, compliance status and standards of a V2 control', () => {
    // Act
    const text = textOf(
      findingOf(getTestEvent('securityhub-v2', 'cspm-control-s3.8-failed-high'))
    );

    // Assess
    expect(text).toContain('Control: S3.8');
    expect(text).toContain('Compliance: FAILED');
    expect(text).toContain(
      'standards/aws-foundational-security-best-practices/v/1.0.0'
    );
    expect(text).toContain(
      'Remediation guide: https://docs.aws.amazon.com/console/securityhub/S3.8/remediation'
    );
    expect(text).not.toContain('Open in Security Hub');
  });
});
