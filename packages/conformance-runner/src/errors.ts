import { EXIT_CODES, type ExitCode } from './exit-codes.js'

/**
 * A reason the run could not produce a trustworthy report. It carries the exit
 * code the CLI ends with; verdicts on cases (exit codes 0–2) are never errors.
 */
export class ConformanceError extends Error {
  /** The exit code the CLI ends with. */
  readonly exitCode: ExitCode

  constructor(message: string, exitCode: ExitCode, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
    this.exitCode = exitCode
  }
}

/** A malformed command line or known-failures file (exit code 64). */
export class UsageError extends ConformanceError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, EXIT_CODES.usage, options)
  }
}

/** An invalid fixture file or corpus (exit code 65). */
export class FixtureError extends ConformanceError {
  /** Every problem found, one line each, with the file it is in. */
  readonly problems: readonly string[]

  constructor(problems: readonly string[]) {
    super(`invalid fixtures:\n${problems.map((problem) => `  ${problem}`).join('\n')}`, EXIT_CODES.invalidFixture)
    this.problems = problems
  }
}

/** The adapter failed to start, answered out of protocol, exited early or timed out (exit code 70). */
export class AdapterError extends ConformanceError {
  /** The end of what the adapter wrote to standard error, when it was captured. */
  readonly stderr: string

  /**
   * @param stderr - The tail of the adapter's standard error.
   * @param options.showStderr - Whether the message quotes `stderr` (when it was not already passed through).
   */
  constructor(message: string, stderr = '', options: ErrorOptions & { readonly showStderr?: boolean } = {}) {
    const shown = options.showStderr === true && stderr !== ''
    super(shown ? `${message}\nadapter stderr (last lines):\n${stderr}` : message, EXIT_CODES.setUp, options)
    this.stderr = stderr
  }
}
