/** A configuration that cannot be used; `problems` lists every one found. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(
    source: string,
    problems: readonly string[],
    options?: ErrorOptions
  ) {
    super(
      `Invalid configuration (${source}):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
      options
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}
