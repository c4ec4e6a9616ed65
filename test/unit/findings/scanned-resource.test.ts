import { describe, expect, it } from 'vitest';
import { coverageReason } from '../../../src/findings/coverage-reasons.js';
import {
  partitionOfRegion,
  scannedResource,
} from '../../../src/findings/scanned-resource.js';

describe('scannedResource: the resource a notice is about', () => {
  it.each([
    ['i-087d63509b8c97098', 'AwsEc2Instance', undefined],
    ['ami-0abcdef1234567890', 'AwsEc2Image', undefined],
    [
      'arn:aws:ecr:us-east-1:111122223333:repository/inspector2',
      'AwsEcrRepository',
      'inspector2',
    ],
    [
      `arn:aws:ecr:us-east-1:111122223333:repository/app/sha256:${'a'.repeat(64)}`,
      'AwsEcrContainerImage',
      `app/sha256:${'a'.repeat(64)}`,
    ],
    [
      'arn:aws:lambda:us-west-2:111122223333:function:fn:$LATEST',
      'AwsLambdaFunction',
      'fn',
    ],
    [
      '/subscriptions/a/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm1',
      'AzureVirtualMachine',
      'vm1',
    ],
    ['something-else', 'Other', undefined],
  ])('%s is %s', (id, type, name) => {
    const resource = scannedResource(id, {
      partition: 'aws',
      region: 'us-east-1',
    });
    expect(resource.type).toBe(type);
    expect(resource.name).toBe(name);
  });

  it.each([
    ['cn-north-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['eu-west-1', 'aws'],
  ])('%s is in partition %s', (region, partition) => {
    expect(partitionOfRegion(region)).toBe(partition);
  });

  it('names a reason Inspector adds later as it is, without a fix', () => {
    expect(coverageReason('SOMETHING_NEW')).toEqual({
      means: 'Inspector reports SOMETHING_NEW',
    });
  });
});
