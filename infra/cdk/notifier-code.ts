import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import * as lambda from 'aws-cdk-lib/aws-lambda';

/**
 * The built notifier as Lambda code: the zip `npm run build` writes beside
 * the bundle folder (`dist/notify-findings.zip`), uploaded as it is. Its
 * modes are written out, so the heap wrapper (the function's
 * `AWS_LAMBDA_EXEC_WRAPPER`) is executable whichever OS built and deploys
 * it; CDK's own zip of the folder would take each file's mode, and on
 * Windows no file has an execute bit.
 */
export const notifierCode = (bundleDir: string): lambda.Code => {
  const zip = `${bundleDir}.zip`;
  if (!existsSync(zip)) {
    throw new Error(
      `${relative('.', zip) || zip} is missing: build the function first (npm run build).`
    );
  }
  return lambda.Code.fromAsset(zip);
};
