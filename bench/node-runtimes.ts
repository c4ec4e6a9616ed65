import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The Node.js of the Lambda runtime the stacks deploy (`nodejs24.x` in the
 * CDK construct and the SAM template; a test keeps the three in step). Lambda
 * moves within the major line; this is the newest 24.x on npm when the bench
 * was last tuned.
 */
export const LAMBDA_NODE_VERSION = '24.22.3';

export type NodeRuntime = {
  /** What the table calls it. */
  readonly label: string;
  readonly version: string;
  readonly path: string;
  /** The Lambda runtime's Node, which the cold-path budget applies to. */
  readonly lambda: boolean;
};

/** npm publishes each official Node build as `node-<platform>-<arch>`. */
const packageName = () =>
  `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;

/**
 * Installs the Lambda runtime's Node from the npm registry (once, into a
 * cache folder under node_modules/.cache, outside the project's dependencies,
 * so `npm ci` never needs it) and returns its binary.
 */
export const lambdaNode = (): NodeRuntime => {
  const name = packageName();
  const prefix = resolve(
    'node_modules/.cache/findings-notifier-bench',
    `${name}-${LAMBDA_NODE_VERSION}`
  );
  const binary = join(
    prefix,
    'node_modules',
    name,
    'bin',
    process.platform === 'win32' ? 'node.exe' : 'node'
  );
  if (!existsSync(binary)) {
    process.stderr.write(
      `bench: installing ${name}@${LAMBDA_NODE_VERSION} from npm into ${prefix}\n`
    );
    mkdirSync(prefix, { recursive: true });
    writeFileSync(
      join(prefix, 'package.json'),
      '{ "private": true, "description": "bench cache: the Lambda runtime Node" }\n'
    );
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        `${name}@${LAMBDA_NODE_VERSION}`,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] }
    );
  }
  const version = execFileSync(binary, ['--version'], {
    encoding: 'utf8',
  }).trim();
  return {
    label: `Node ${version} (Lambda nodejs24.x)`,
    version,
    path: binary,
    lambda: true,
  };
};

/** The Node running the bench: the machine's. */
export const machineNode = (): NodeRuntime => ({
  label: `Node ${process.version} (this machine)`,
  version: process.version,
  path: process.execPath,
  lambda: false,
});
