import {
  BatchUpdateFindingsCommand,
  BatchUpdateFindingsV2Command,
  type BatchUpdateFindingsV2CommandInput,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSecurityHubAcknowledger } from '../../../src/acknowledge/security-hub-acknowledger.js';

const v2Findings = (count: number) =>
  Array.from({ length: count }, (_, n) => ({
    id: `arn:aws:inspector2:eu-west-1:123456789012:finding/f${n}`,
    metadataUid: `uid-${n}`,
  }));

describe('createSecurityHubAcknowledger: findings of the new Security Hub', () => {
  const securityHub = mockClient(SecurityHubClient);
  const acknowledger = () =>
    createSecurityHubAcknowledger(
      () => new SecurityHubClient({ region: 'eu-west-1' })
    );

  beforeEach(() => {
    securityHub.reset();
  });

  it('sets them to In Progress by MetadataUids with a comment naming the route', async () => {
    // Prepare
    securityHub.on(BatchUpdateFindingsV2Command).resolves({
      ProcessedFindings: [{ MetadataUid: 'uid-0' }],
      UnprocessedFindings: [],
    });

    // Act
    const result = await acknowledger().acknowledge('security', v2Findings(1));

    // Assess
    expect(securityHub.commandCalls(BatchUpdateFindingsCommand)).toHaveLength(
      0
    );
    const [call] = securityHub.commandCalls(BatchUpdateFindingsV2Command);
    expect(call?.args[0].input).toEqual({
      MetadataUids: ['uid-0'],
      StatusId: 2,
      Comment: 'Announced by findings-notifier route security',
    });
    expect(result).toEqual({
      route: 'security',
      acknowledged: ['arn:aws:inspector2:eu-west-1:123456789012:finding/f0'],
      failed: [],
    });
  });

  it('sends at most 100 per call and reports the unprocessed ones', async () => {
    // Prepare
    securityHub
      .on(BatchUpdateFindingsV2Command)
      .callsFake(async (input: BatchUpdateFindingsV2CommandInput) => ({
        ProcessedFindings: [],
        UnprocessedFindings: (input.MetadataUids ?? [])
          .filter((uid) => uid === 'uid-120')
          .map((uid) => ({
            MetadataUid: uid,
            ErrorCode: 'ResourceNotFoundException',
            ErrorMessage: 'gone',
          })),
      }));

    // Act
    const result = await acknowledger().acknowledge(
      'security',
      v2Findings(230)
    );

    // Assess
    const sizes = securityHub
      .commandCalls(BatchUpdateFindingsV2Command)
      .map((call) => call.args[0].input.MetadataUids?.length);
    expect(sizes).toEqual([100, 100, 30]);
    expect(result.acknowledged).toHaveLength(229);
    expect(result.failed).toEqual([
      {
        findingId: 'arn:aws:inspector2:eu-west-1:123456789012:finding/f120',
        code: 'ResourceNotFoundException',
        message: 'gone',
      },
    ]);
  });

  it('reports a finding without metadata.uid and a failed call, never throws', async () => {
    // Prepare
    const error = Object.assign(new Error('denied'), {
      name: 'AccessDeniedException',
    });
    securityHub.on(BatchUpdateFindingsV2Command).rejects(error);

    // Act
    const result = await acknowledger().acknowledge('security', [
      { id: 'no-uid', metadataUid: undefined },
      { id: 'with-uid', metadataUid: 'uid-1' },
    ]);

    // Assess
    expect(result.acknowledged).toEqual([]);
    expect(result.failed).toEqual([
      {
        findingId: 'no-uid',
        code: 'MissingMetadataUid',
        message: 'the OCSF finding has no metadata.uid to update it by',
      },
      {
        findingId: 'with-uid',
        code: 'AccessDeniedException',
        message: 'denied',
      },
    ]);
  });

  it('updates ASFF and OCSF findings of one route each through their own API', async () => {
    // Prepare
    securityHub.on(BatchUpdateFindingsCommand).resolves({});
    securityHub.on(BatchUpdateFindingsV2Command).resolves({});

    // Act
    const result = await acknowledger().acknowledge('security', [
      {
        id: 'asff-1',
        productArn: 'arn:aws:securityhub:eu-west-1::product/aws/guardduty',
      },
      ...v2Findings(1),
    ]);

    // Assess
    expect(securityHub.commandCalls(BatchUpdateFindingsCommand)).toHaveLength(
      1
    );
    expect(securityHub.commandCalls(BatchUpdateFindingsV2Command)).toHaveLength(
      1
    );
    expect(result.acknowledged).toEqual([
      'asff-1',
      'arn:aws:inspector2:eu-west-1:123456789012:finding/f0',
    ]);
  });
});
