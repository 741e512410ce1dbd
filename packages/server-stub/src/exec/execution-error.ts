import { ERROR_CODES, type ErrorCode, type ErrorDetails } from '@compiled-sql/protocol'

/** What an {@link ExecutionError} carries besides its code and message. */
export interface ExecutionErrorOptions {
  /** PostgreSQL's SQLSTATE, when PostgreSQL raised the error. */
  readonly sqlstate?: string
  /**
   * PostgreSQL's error cursor: a 1-based position in the request's `text`, counted in characters
   * (code points) as PostgreSQL counts them. Wrapping the statement (in a cursor) is already undone.
   */
  readonly position?: number
  readonly details?: ErrorDetails
  readonly cause?: unknown
}

/**
 * A failure of the database or of the connection to it, as a protocol error
 * code. `retryable` is the code's, from the error-code table. The message never
 * carries parameter values: PostgreSQL's `detail` is dropped, and the quoted
 * input that data exceptions (SQLSTATE class 22) echo is cut off.
 *
 * @example
 * ```ts
 * try { await executor.execute(request) } catch (error) {
 *   if (error instanceof ExecutionError && error.retryable) retryLater()
 * }
 * ```
 */
export class ExecutionError extends Error {
  readonly code: ErrorCode
  readonly retryable: boolean
  readonly sqlstate?: string
  readonly position?: number
  readonly details?: ErrorDetails

  constructor(code: ErrorCode, message: string, options: ExecutionErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'ExecutionError'
    this.code = code
    this.retryable = ERROR_CODES[code].retryable
    if (options.sqlstate !== undefined) this.sqlstate = options.sqlstate
    if (options.position !== undefined) this.position = options.position
    if (options.details !== undefined) this.details = options.details
  }
}
