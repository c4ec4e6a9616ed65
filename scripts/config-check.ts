import { checkConfigCommand } from '../src/config/check-command.js';

process.exitCode = await checkConfigCommand(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
});
