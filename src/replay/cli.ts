import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/config-error.js';
import { loadConfig } from '../config/load-config.js';
import { createMemoryBurstLedger } from '../dedup/burst-ledger.js';
import { createMemoryDedupStore } from '../dedup/memory-store.js';
import type { EventKind } from '../event-kinds/event-kind.js';
import { createHandler } from '../handler/create-handler.js';
import { hasRejections } from '../handler/rejected-event-error.js';
import { buildPipeline } from '../pipeline/build-pipeline.js';
import type { Log } from '../pipeline/log.js';
import { silentLog } from '../pipeline/log.js';
import { createLocalSink } from '../publish/local-sink.js';
import { toHumanLines } from './human-output.js';
import { toJsonLines } from './json-lines.js';
import type { Progress } from './progress.js';
import { readInputs } from './read-inputs.js';
import { runFileBatches } from './run-batches.js';
import { runReplay } from './run-replay.js';
import { runWindows } from './run-windows.js';

export const DEFAULT_CONFIG = 'config/example.yaml';
export const DEFAULT_EVENTS = 'events';
/** The buffer queue's batching window as deployed (infra/cdk/steps/buffered-mode.ts). */
export const DEFAULT_WINDOW_SECONDS = 20;

const USAGE = `Usage: npm run replay -- [options] [paths...]

Replays EventBridge events (files or folders of .json, .jsonl or .ndjson; a
file may hold one event, an array, Security Hub / Inspector findings listings
or JSON Lines, in UTF-8 or UTF-16) through the notifier's real handler, with
in-memory dedup and a local sink instead of SNS. No AWS account or network is
used.

Options:
  --config FILE   configuration file (default: ${DEFAULT_CONFIG})
  --json          JSON Lines: one object per finding, or per event with none
  --no-messages   human output without the rendered messages
  --verbose       decision log lines on stderr
  --window SECS   buffered mode, as deployed by default: events grouped into
                  batches by their time, a batch holding what arrives within
                  SECS (1-300, default ${DEFAULT_WINDOW_SECONDS}) of its first event; a burst
                  becomes digests
  --direct        direct mode: one event at a time, each its own invocation
  --batch         each file's events together, as one invocation receiving
                  them at once (coverage changes group into one notice)
  -h, --help      this help

Exit status: 0 every input processed, 1 an input (or a finding in it) was rejected,
2 usage or configuration error.`;

export type CliIo = {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** Set when stderr is a terminal: long runs draw a progress bar there. */
  readonly progress?: Progress;
  /** The event kinds to read; the registry's unless a test adds one. */
  readonly kinds?: readonly EventKind[];
};

/** Runs shorter than this finish too fast for a progress bar to help. */
const PROGRESS_MIN_EVENTS = 200;

const stderrLog = (write: (line: string) => void): Log => {
  const line =
    (level: string) => (message: string, attributes: Record<string, unknown>) =>
      write(JSON.stringify({ level, message, ...attributes }));
  return {
    debug: line('DEBUG'),
    info: line('INFO'),
    warn: line('WARN'),
    error: line('ERROR'),
  };
};

/** Runs the replay command; returns the exit status. */
export const main = async (
  argv: readonly string[],
  io: CliIo
): Promise<number> => {
  let args: ReturnType<typeof parse>;
  const parse = (values: readonly string[]) =>
    parseArgs({
      args: [...values],
      allowPositionals: true,
      options: {
        config: { type: 'string', default: DEFAULT_CONFIG },
        json: { type: 'boolean', default: false },
        'no-messages': { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        batch: { type: 'boolean', default: false },
        direct: { type: 'boolean', default: false },
        window: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  try {
    args = parse(argv);
  } catch (error) {
    io.stderr(`replay: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const modes = (['batch', 'direct', 'window'] as const).filter(
    (mode) => args.values[mode] !== undefined && args.values[mode] !== false
  );
  if (modes.length > 1) {
    io.stderr(
      `replay: choose one of --window, --direct and --batch (got ${modes.map((mode) => `--${mode}`).join(' and ')})`
    );
    return 2;
  }
  const windowSeconds = Number(args.values.window ?? DEFAULT_WINDOW_SECONDS);
  if (
    !Number.isInteger(windowSeconds) ||
    windowSeconds < 1 ||
    windowSeconds > 300
  ) {
    io.stderr(
      `replay: --window takes whole seconds from 1 to 300 (the batching window Lambda allows), got ${args.values.window}`
    );
    return 2;
  }
  const paths =
    args.positionals.length > 0 ? args.positionals : [DEFAULT_EVENTS];
  let config: Awaited<ReturnType<typeof loadConfig>>;
  let inputs: Awaited<ReturnType<typeof readInputs>>;
  try {
    config = await loadConfig(
      { kind: 'file', path: args.values.config },
      { readFile: (path) => readFile(path, 'utf8') }
    );
    inputs = await readInputs(paths, io.kinds, {
      warn: (message) => io.stderr(`replay: warning: ${message}`),
    });
  } catch (error) {
    io.stderr(
      `replay: ${error instanceof ConfigError ? error.message : (error as Error).message}`
    );
    return 2;
  }
  if (inputs.length === 0)
    io.stderr(`replay: warning: no events to replay in ${paths.join(', ')}`);
  const log = args.values.verbose ? stderrLog(io.stderr) : silentLog;
  const dedup = createMemoryDedupStore();
  const ports = {
    dedup,
    publisher: createLocalSink(),
    log,
    ...(io.kinds ? { kinds: io.kinds } : {}),
  };
  const pipeline = buildPipeline(config, ports);
  const progress =
    inputs.length >= PROGRESS_MIN_EVENTS ? io.progress : undefined;
  const records = args.values.batch
    ? await runFileBatches(pipeline, inputs, log)
    : args.values.direct
      ? await runReplay(createHandler({ log, pipeline }), inputs, progress)
      : await runWindows(
          ({ onBatch, holder, queueNow }) =>
            createHandler({
              log,
              onBatch,
              pipeline: buildPipeline(config, {
                ...ports,
                bursts: createMemoryBurstLedger(),
                holder,
                queueNow,
              }),
            }),
          inputs,
          windowSeconds * 1000,
          progress
        );
  const lines = args.values.json
    ? toJsonLines(records)
    : toHumanLines(records, { showMessages: !args.values['no-messages'] });
  for (const line of lines) io.stdout(line);
  return records.some((record) => hasRejections(record.report)) ? 1 : 0;
};
