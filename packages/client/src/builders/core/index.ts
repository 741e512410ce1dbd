/**
 * What the query builder adapters share: options, the compiled statement
 * they reduce a query to, and the step from it to a validated envelope.
 *
 * @example
 * ```ts
 * import { buildFromStatementSync } from './core/index.js'
 * ```
 *
 * @packageDocumentation
 */
export type { AdapterOptions, AdapterSyncOptions } from './adapter-options.js'
export type { CompiledStatement } from './compiled-statement.js'
export { toOperationInput } from './operation-input.js'
export { buildFromStatement, buildFromStatementSync } from './build-from-statement.js'
