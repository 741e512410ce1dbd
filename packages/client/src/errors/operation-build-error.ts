import type { ErrorCode, ValidationIssue } from '@compiled-sql/protocol'
import { CompiledSqlError } from './compiled-sql-error.js'

/**
 * An envelope could not be built: the input is wrong before anything is sent.
 *
 * `path` is an RFC 6901 JSON Pointer into the snake_case envelope being built
 * (`/statement/parameters/p1`, `/scope/tables/0/meta_table_uid`), so the same
 * path names the same place as a server's validation issue would. The message
 * says how to fix the input.
 *
 * @example
 * ```ts
 * try {
 *   await buildOperation({ operation: 'select', sql: '', scope })
 * } catch (error) {
 *   if (error instanceof OperationBuildError) {
 *     error.code // 'too_small'
 *     error.path // '/statement/sql'
 *     error.issues // every issue, when the envelope validator found several
 *   }
 * }
 * ```
 */
export class OperationBuildError extends CompiledSqlError {
  /** A JSON Pointer into the envelope being built; `""` for the envelope itself. */
  readonly path: string
  /** Every issue found, this one first: several when the envelope validator reported more than one. */
  readonly issues: readonly ValidationIssue[]

  constructor(code: ErrorCode, path: string, message: string, options: { readonly cause?: unknown; readonly issues?: readonly ValidationIssue[] } = {}) {
    super(code, `${message} (at ${path === '' ? 'the envelope' : path})`, options.cause === undefined ? {} : { cause: options.cause })
    this.path = path
    this.issues = options.issues ?? [{ code, instancePath: path, message }]
  }
}
