import { main } from '../src/replay/cli.js';
import { terminalProgress } from '../src/replay/progress.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  ...(process.stderr.isTTY
    ? { progress: terminalProgress((text) => process.stderr.write(text)) }
    : {}),
});
