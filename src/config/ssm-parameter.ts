/**
 * Reads one SSM parameter's value, decrypting SecureStrings. The SSM client is
 * loaded on first use: only configs kept in Parameter Store pay for it.
 */
export const ssmParameterReader =
  () =>
  async (name: string): Promise<string> => {
    const { GetParameterCommand, SSMClient } = await import(
      '@aws-sdk/client-ssm'
    );
    const output = await new SSMClient({}).send(
      new GetParameterCommand({ Name: name, WithDecryption: true })
    );
    const value = output.Parameter?.Value;
    if (value === undefined) throw new Error(`parameter ${name} has no value`);
    return value;
  };
