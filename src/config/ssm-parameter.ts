import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';

/** Reads one SSM parameter's value, decrypting SecureStrings. */
export const ssmParameterReader =
  (client: SSMClient) =>
  async (name: string): Promise<string> => {
    const output = await client.send(
      new GetParameterCommand({ Name: name, WithDecryption: true })
    );
    const value = output.Parameter?.Value;
    if (value === undefined) throw new Error(`parameter ${name} has no value`);
    return value;
  };
