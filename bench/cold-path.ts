import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeRuntime } from './node-runtimes.js';
import { type Spread, spread } from './stats.js';

/** What a child reports: wall ms since its process started, and its CPU ms. */
type Mark = { readonly wallMs: number; readonly cpuMs: number };

const MARK = 'BENCH_MARK ';

const markLine = `const { user, system } = process.cpuUsage();
process.stderr.write(${JSON.stringify(MARK)} + JSON.stringify({ wallMs: performance.now(), cpuMs: (user + system) / 1000 }) + '\\n');
process.exit(0);`;

const runChild = (
  node: NodeRuntime,
  nodeFlags: readonly string[],
  script: string,
  env: NodeJS.ProcessEnv
): Promise<Mark> =>
  new Promise((resolve, reject) => {
    const args = [...nodeFlags, '--input-type=module', '-e', script];
    const child = spawn(node.path, args, {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stderr.split('\n').find((text) => text.startsWith(MARK));
      if (code !== 0 || !line) {
        reject(
          new Error(
            `cold-path child failed (${code}): ${stderr.slice(0, 2000)}`
          )
        );
        return;
      }
      resolve(JSON.parse(line.slice(MARK.length)) as Mark);
    });
  });

export type ColdPath = {
  readonly runs: number;
  /** Start of the process to the first event's result, importing the bundle. */
  readonly bundle: { readonly wallMs: Spread; readonly cpuMs: Spread };
  /** The same process importing an empty module. */
  readonly empty: { readonly wallMs: Spread; readonly cpuMs: Spread };
  /** bundle − empty, run by run (each bundle run against the empty run before it). */
  readonly overhead: Spread;
  /** bundle − empty CPU, run by run. */
  readonly overheadCpu: Spread;
};

/**
 * Import-to-first-result: fresh processes that import the built bundle as
 * Lambda does (its config, its AWS clients, Node's flags and NODE_OPTIONS as
 * deployed) and
 * hand it one finding that is claimed in DynamoDB, published to SNS and
 * confirmed (both on loopback), against fresh processes importing an empty
 * module. Runs alternate, so drift hits both alike.
 */
export const measureColdPath = async (options: {
  readonly node: NodeRuntime;
  readonly bundle: string;
  readonly scratch: string;
  readonly event: Record<string, unknown>;
  readonly env: NodeJS.ProcessEnv;
  /** Node's flags as Lambda starts the function. */
  readonly nodeFlags: readonly string[];
  readonly runs: number;
}): Promise<ColdPath> => {
  const empty = join(options.scratch, 'empty.mjs');
  writeFileSync(empty, 'export {};\n');
  const emptyScript = `await import(${JSON.stringify(empty)});\n${markLine}`;
  const bundleScript = (run: number) => {
    const event = structuredClone(options.event) as {
      id: string;
      detail: { findingArn: string };
    };
    event.id = `cold-${run}`;
    event.detail.findingArn = `${event.detail.findingArn}-cold-${process.pid}-${Date.now()}-${run}`;
    return `const { handler } = await import(${JSON.stringify(options.bundle)});
const report = await handler(${JSON.stringify(event)}, { functionName: 'bench', functionVersion: '$LATEST', invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bench', memoryLimitInMB: '256', awsRequestId: 'cold-${run}', getRemainingTimeInMillis: () => 25000 });
if (!report.findings.some((finding) => finding.outcome === 'published')) throw new Error('not published: ' + JSON.stringify(report));
${markLine}`;
  };
  const bundleMarks: Mark[] = [];
  const emptyMarks: Mark[] = [];
  await runChild(
    options.node,
    options.nodeFlags,
    bundleScript(-1),
    options.env
  );
  for (let run = 0; run < options.runs; run++) {
    emptyMarks.push(
      await runChild(options.node, options.nodeFlags, emptyScript, options.env)
    );
    bundleMarks.push(
      await runChild(
        options.node,
        options.nodeFlags,
        bundleScript(run),
        options.env
      )
    );
  }
  const of = (marks: Mark[]) => ({
    wallMs: spread(marks.map((mark) => mark.wallMs)),
    cpuMs: spread(marks.map((mark) => mark.cpuMs)),
  });
  const bundle = of(bundleMarks);
  const emptyFigures = of(emptyMarks);
  return {
    runs: options.runs,
    bundle,
    empty: emptyFigures,
    overhead: spread(
      bundleMarks.map(
        (mark, run) => mark.wallMs - (emptyMarks[run]?.wallMs ?? Number.NaN)
      )
    ),
    overheadCpu: spread(
      bundleMarks.map(
        (mark, run) => mark.cpuMs - (emptyMarks[run]?.cpuMs ?? Number.NaN)
      )
    ),
  };
};
