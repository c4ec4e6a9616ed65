import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  deployedNodeFlags,
  runtimeNodeFlags,
} from '../../bench/lambda-launch.js';
import {
  FUNCTION_HEAP_ENVIRONMENT,
  FUNCTION_HEAP_OPTIONS,
  FUNCTION_MEMORY_MB,
  FUNCTION_NODE_OPTIONS,
  HEAP_WRAPPER_NAME,
} from '../../infra/function-runtime.js';
import { REPO_ROOT } from '../helpers/events.js';

const WRAPPER = join(REPO_ROOT, 'functions', HEAP_WRAPPER_NAME);

/** A stand-in for the runtime's script: prints what the heap became. */
const SCRIPT = join(mkdtempSync(join(tmpdir(), 'heap-wrapper-')), 'show.mjs');
writeFileSync(
  SCRIPT,
  `import v8 from 'node:v8';
console.log(JSON.stringify({ limit: v8.getHeapStatistics().heap_size_limit, execArgv: process.execArgv, args: process.argv.slice(2) }));
`
);

/** The runtime's command line as Lambda's Node bootstrap builds it. */
const RUNTIME_COMMAND = [
  process.execPath,
  ...runtimeNodeFlags(FUNCTION_MEMORY_MB),
  SCRIPT,
];

type Shown = { limit: number; execArgv: string[]; args: string[] };

const run = (command: string, args: string[], env: NodeJS.ProcessEnv): Shown =>
  JSON.parse(
    execFileSync(command, args, {
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
    })
  ) as Shown;

describe('Infra: the heap wrapper (AWS_LAMBDA_EXEC_WRAPPER)', () => {
  it('gives Node the deployed heap sizes over the ones the runtime puts on its command line', () => {
    // Prepare: the heap Node gets from the deployed sizes alone, and from the runtime's.
    const deployed = run(
      process.execPath,
      [...FUNCTION_HEAP_OPTIONS.split(' '), SCRIPT],
      {}
    );
    const runtimes = run(process.execPath, RUNTIME_COMMAND.slice(1), {});

    // Act: Lambda runs the wrapper with the runtime's command line.
    const wrapped = run(WRAPPER, RUNTIME_COMMAND, {
      ...FUNCTION_HEAP_ENVIRONMENT,
      NODE_OPTIONS: FUNCTION_NODE_OPTIONS,
    });

    // Assess: the deployed sizes replace the runtime's; its other flags stay.
    expect(runtimes.limit).not.toBe(deployed.limit);
    expect(wrapped.limit).toBe(deployed.limit);
    expect(wrapped.execArgv).toEqual([
      ...FUNCTION_HEAP_OPTIONS.split(' '),
      '--expose-gc',
      '--max-http-header-size',
      '81920',
    ]);
    // What the bench starts its processes with.
    expect(wrapped.execArgv).toEqual(deployedNodeFlags());
  });

  it('shows why the wrapper is needed: heap sizes in NODE_OPTIONS lose to the command line', () => {
    const shown = run(process.execPath, RUNTIME_COMMAND.slice(1), {
      NODE_OPTIONS: FUNCTION_HEAP_OPTIONS,
    });
    expect(shown.limit).toBe(
      run(process.execPath, RUNTIME_COMMAND.slice(1), {}).limit
    );
  });

  it('gives the deployed sizes to a runtime that passes none, whatever follows its script', () => {
    const shown = run(
      WRAPPER,
      [process.execPath, '--expose-gc', SCRIPT, 'an argument, with spaces'],
      FUNCTION_HEAP_ENVIRONMENT
    );
    expect(shown.execArgv).toEqual([
      ...FUNCTION_HEAP_OPTIONS.split(' '),
      '--expose-gc',
    ]);
    expect(shown.args).toEqual(['an argument, with spaces']);
  });

  it('runs the runtime unchanged without heap options', () => {
    const shown = run(WRAPPER, RUNTIME_COMMAND, {});
    expect(shown.execArgv).toEqual(RUNTIME_COMMAND.slice(1, -1));
  });

  it('refuses a command line without a script, naming what it got', () => {
    const result = spawnSync(WRAPPER, [process.execPath], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `heap-wrapper: expected the runtime's command line (node ... script), got: ${process.execPath}`
    );
  });
});
