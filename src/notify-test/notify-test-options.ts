import { parseArgs } from 'node:util';

/** Where the command looks when not told. */
export type NotifyTestDefaults = {
  /** `CONFIG_FILE`, else `config/example.yaml`. */
  readonly config: string;
  readonly events: string;
};

/** The help text. */
export const usage = (
  defaults: NotifyTestDefaults
) => `Usage: npm run notify-test -- --route NAME [--send] [--config FILE] [--events PATH]

Renders a sample finding (from ${defaults.events}/) as the route NAME would
publish it (its format, subject and SNS attributes) and, with --send,
publishes it to the route's topic through SNS with your AWS credentials
(AWS_PROFILE, or the usual environment variables): a deploy checked end to
end in one command. Without --send nothing is published.

Options:
  --route NAME    the route whose topic gets the message (required)
  --send          publish (default: a dry run printing what would be sent)
  --config FILE   configuration file (default: CONFIG_FILE or ${defaults.config})
  --events PATH   sample events, a file or folder (default: ${defaults.events})
  -h, --help      this help

Exit status: 0 published (or dry run), 1 SNS refused or could not be
reached, 2 usage or configuration error.`;

/** A mistake in the command line or its inputs: exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    /** Print the usage after the message (for option mistakes). */
    readonly showUsage = false
  ) {
    super(message);
  }
}

/** The command line's options; a mistake is a `UsageError` shown with the usage. */
export const parseOptions = (argv: readonly string[]) => {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        route: { type: 'string' },
        send: { type: 'boolean', default: false },
        config: { type: 'string' },
        events: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: false,
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message, true);
  }
};
