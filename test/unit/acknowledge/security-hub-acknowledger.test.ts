import {
  BatchUpdateFindingsCommand,
  type BatchUpdateFindingsCommandInput,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSecurityHubAcknowledger } from '../../../src/acknowledge/security-hub-acknowledger.js';

const PRODUCT = 'arn:aws:securityhub:eu-west-1::product/aws/securityhub';
const findings = (count: number) =>
  Array.from({ length: count }, (_, n) => ({
    id: `finding-${n}`,
    productArn: PRODUCT,
  }));

describe('createSecurityHubAcknowledger', () => {
  const securityHub = mockClient(SecurityHubClient);

  beforeEach(() => {
    securityHub.reset();
  });

  it('creates its client only when something is acknowledged', async () => {
    const factory = vi.fn(() => new SecurityHubClient({ region: 'eu-west-1' }));
    const acknowledger = createSecurityHubAcknowledger(factory);
    expect(factory).not.toHaveBeenCalled();
    securityHub.on(BatchUpdateFindingsCommand).resolves({});
    await acknowledger.acknowledge('security', findings(1));
    await acknowledger.acknowledge('security', findings(1));
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it('sends at most 100 findings per call and reports unprocessed ones', async () => {
    securityHub
      .on(BatchUpdateFindingsCommand)
      .callsFake(async (input: BatchUpdateFindingsCommandInput) => ({
        ProcessedFindings: [],
        UnprocessedFindings: (input.FindingIdentifiers ?? [])
          .filter((identifier) => identifier.Id === 'finding-150')
          .map((identifier) => ({
            FindingIdentifier: identifier,
            ErrorCode: 'FindingNotFound',
            ErrorMessage: 'gone',
          })),
      }));
    const acknowledger = createSecurityHubAcknowledger(
      () => new SecurityHubClient({ region: 'eu-west-1' })
    );

    const result = await acknowledger.acknowledge('security', findings(250));

    const sizes = securityHub
      .commandCalls(BatchUpdateFindingsCommand)
      .map((call) => call.args[0].input.FindingIdentifiers?.length);
    expect(sizes).toEqual([100, 100, 50]);
    expect(result.acknowledged).toHaveLength(249);
    expect(result.failed).toEqual([
      { findingId: 'finding-150', code: 'FindingNotFound', message: 'gone' },
    ]);
  });

  it('returns a failed call as failures, without throwing', async () => {
    securityHub.on(BatchUpdateFindingsCommand).rejects(
      Object.assign(new Error('slow down'), {
        name: 'TooManyRequestsException',
      })
    );
    const acknowledger = createSecurityHubAcknowledger(
      () => new SecurityHubClient({ region: 'eu-west-1' })
    );
    const result = await acknowledger.acknowledge('security', findings(2));
    expect(result.acknowledged).toEqual([]);
    expect(result.failed.map((failure) => failure.code)).toEqual([
      'TooManyRequestsException',
      'TooManyRequestsException',
    ]);
  });
});
