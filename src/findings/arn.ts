/** The parts of an ARN the notifier uses; `undefined` for anything else. */
export type ArnParts = {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly accountId: string;
  readonly resource: string;
};

const ARN =
  /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.+)$/;

export const parseArn = (value: string): ArnParts | undefined => {
  const match = ARN.exec(value);
  if (!match) return undefined;
  const [, partition, service, region, accountId, resource] = match;
  return {
    partition: partition ?? 'aws',
    service: service ?? '',
    region: region ?? '',
    accountId: accountId ?? '',
    resource: resource ?? '',
  };
};
