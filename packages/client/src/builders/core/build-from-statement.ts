import type { CompiledSqlOperation } from '@compiled-sql/protocol'
import { buildOperation, buildOperationSync } from '../../operation/build-operation.js'
import type { AdapterOptions, AdapterSyncOptions } from './adapter-options.js'
import type { CompiledStatement } from './compiled-statement.js'
import { toOperationInput } from './operation-input.js'


/**
 * The last step of every adapter: a compiled statement to a validated
 * envelope, through {@link toOperationInput} and `buildOperation` (so the
 * data source resolves in the documented order, the async hook included).
 *
 * @throws {OperationBuildError} for anything that would make an invalid or refused envelope.
 *
 * @example
 * ```ts
 * await buildFromStatement({ sql: 'select * from "asset"', values: [], shape }, { registry, dataSourceUid })
 * ```
 */
export async function buildFromStatement(statement: CompiledStatement, options: AdapterOptions): Promise<CompiledSqlOperation> {
  // The adapter options are build options too (defaults, env, resolver): passed as they are, not copied per call.
  return buildOperation(toOperationInput(statement, options), options)
}

/**
 * {@link buildFromStatement} without the async data source hook.
 *
 * @throws {OperationBuildError} as {@link buildFromStatement}.
 *
 * @example
 * ```ts
 * buildFromStatementSync({ sql: 'select * from "asset"', values: [], shape }, { registry, dataSourceUid })
 * ```
 */
export function buildFromStatementSync(statement: CompiledStatement, options: AdapterSyncOptions): CompiledSqlOperation {
  return buildOperationSync(toOperationInput(statement, options), options)
}
