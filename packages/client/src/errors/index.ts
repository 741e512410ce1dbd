/**
 * The typed errors of the client.
 *
 * @example
 * ```ts
 * import { CompiledSqlError, OperationBuildError } from '@compiled-sql/client'
 * ```
 *
 * @packageDocumentation
 */
export { CompiledSqlError } from './compiled-sql-error.js'
export { OperationBuildError } from './operation-build-error.js'
