import type { ErrorCode, ErrorDetails } from '@compiled-sql/protocol'

/** What a {@link ProtocolError} carries besides its code and message. */
export interface ProtocolErrorOptions {
  readonly details?: ErrorDetails
  /** 1-based character position in the original SQL. */
  readonly position?: number
  readonly sqlstate?: string
  /** For `rate_limited`: seconds until a retry may succeed. */
  readonly retryAfterSeconds?: number
}

/**
 * A request the server refuses, as protocol data: the HTTP layer turns it into
 * the error body, with the status, kind and retryability its code fixes.
 *
 * @example
 * ```ts
 * throw new ProtocolError('meta_table_not_found', `MetaTable ${uid} does not exist`, { details: { meta_table_uid: uid } })
 * ```
 */
export class ProtocolError extends Error {
  readonly code: ErrorCode
  readonly options: ProtocolErrorOptions

  constructor(code: ErrorCode, message: string, options: ProtocolErrorOptions = {}) {
    super(message)
    this.name = 'ProtocolError'
    this.code = code
    this.options = options
  }
}
