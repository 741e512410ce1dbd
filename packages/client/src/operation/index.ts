/**
 * Building compiled-sql.v1 envelopes.
 *
 * @example
 * ```ts
 * import { buildOperation } from '@compiled-sql/client'
 * ```
 *
 * @packageDocumentation
 */
export type { OperationInput, ScopeInput, ScopeTableInput, LimitsInput } from './operation-input.js'
export type { BuildOperationOptions, BuildOperationSyncOptions } from './build-options.js'
export { DATA_SOURCE_ENV_VAR, resolveDataSourceUid, resolveDataSourceUidSync } from './data-source.js'
export { buildOperation, buildOperationSync } from './build-operation.js'
