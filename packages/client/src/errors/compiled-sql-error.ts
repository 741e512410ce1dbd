import type { ErrorCode } from '@compiled-sql/protocol'
import type { ClientErrorCode } from './client-error-code.js'

/**
 * The root of every error the client throws, so that one `instanceof` check
 * separates compiled-sql failures from anything else.
 *
 * @example
 * ```ts
 * try {
 *   await buildOperation(input)
 * } catch (error) {
 *   if (error instanceof CompiledSqlError) console.error(error.code, error.message)
 *   else throw error
 * }
 * ```
 */
export class CompiledSqlError extends Error {
  /**
   * The protocol's error code, from the `error-code.schema.json` vocabulary,
   * or a {@link ClientErrorCode} for a failure no server reported.
   */
  readonly code: ErrorCode | ClientErrorCode

  constructor(code: ErrorCode | ClientErrorCode, message: string, options?: { readonly cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
    this.code = code
  }
}
