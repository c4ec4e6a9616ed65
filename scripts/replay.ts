import { main } from '../src/replay/cli.js';
import { terminalProgress } from '../src/replay/progress.js';

// `npm run replay ... | head -1`: when the reader closes the pipe, stop
// quietly instead of dying on EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  ...(process.stderr.isTTY
    ? { progress: terminalProgress((text) => process.stderr.write(text)) }
    : {}),
});
