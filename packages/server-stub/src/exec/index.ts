/**
 * The execution layer: one executor API over `pg` for PostgreSQL and PGlite,
 * result encoding, and parameter binding.
 *
 * @packageDocumentation
 */
export type {
  BoundParameter,
  DataSourceExecutor,
  ExecutionRequest,
  ExecutionResult,
  PageRequest,
  ResultColumn,
  TransactionHandle,
  TransactionQueryResult,
} from './execution-request.js'
export { ExecutionError, type ExecutionErrorOptions } from './execution-error.js'
export { createPostgresExecutor, type PostgresExecutorOptions } from './postgres-executor.js'
export { createPgliteExecutor, type PgliteExecutorOptions } from './pglite-executor.js'
export { bindParameters, type BindParametersInput, type BindParametersResult, type ParameterHint } from './bind-parameters.js'
export { encodeValue } from './encode-value.js'
export { errorCodeOfSqlstate, isConnectionError } from './map-database-error.js'
export { quoteIdentifier } from './session-settings.js'
export { TypeCatalog, type TypeInfo, type ValueEncoding } from './type-catalog.js'
