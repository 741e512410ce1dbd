import { ConformanceError } from '../errors.js'
import { EXIT_CODES } from '../exit-codes.js'

/**
 * The server under test could not be brought up: the `--spawn` command exited
 * or printed no address in time, or `--reset-command` failed (exit code 70).
 * A server that answers wrongly is a failed case, never this error.
 */
export class TargetError extends ConformanceError {
  /** The end of what the server wrote to standard error, when it was captured. */
  readonly stderr: string

  constructor(message: string, stderr = '') {
    super(stderr === '' ? message : `${message}\nserver stderr (last lines):\n${stderr}`, EXIT_CODES.setUp)
    this.stderr = stderr
  }
}
