import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { HEAP_WRAPPER_NAME } from '../function-runtime.js';

/**
 * Refuses a notifier bundle whose heap wrapper (the function's
 * `AWS_LAMBDA_EXEC_WRAPPER`) is missing or not executable. CDK zips the
 * asset with each file's mode, and Lambda cannot start a function whose
 * wrapper it cannot execute: every invocation would fail. On Windows no
 * file has an execute bit, so CDK cannot deploy the bundle from there.
 */
export const assertExecutableWrapper = (bundleDir: string): void => {
  const wrapper = join(bundleDir, HEAP_WRAPPER_NAME);
  const shown = relative('.', wrapper) || wrapper;
  if (!existsSync(wrapper)) {
    throw new Error(
      `${shown} is missing: build the function first (npm run build).`
    );
  }
  const mode = statSync(wrapper).mode & 0o777;
  if ((mode & 0o111) === 0) {
    throw new Error(
      `${shown} is not executable (mode ${mode.toString(8)}): Lambda could not start the function with it. Run npm run build on Linux or macOS (on Windows, in WSL), or deploy with SAM, whose package marks files executable on Windows.`
    );
  }
};

/** The built notifier as Lambda code, once its wrapper is known to be executable. */
export const notifierCode = (bundleDir: string): lambda.Code => {
  assertExecutableWrapper(bundleDir);
  return lambda.Code.fromAsset(bundleDir);
};
