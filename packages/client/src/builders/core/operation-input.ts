import { OperationBuildError } from '../../errors/operation-build-error.js'
import type { OperationInput } from '../../operation/operation-input.js'
import { readSpelled } from '../../operation/spelling.js'
import { bindPositional } from '../../placeholders/bind-positional.js'
import { resolveOperationKind } from '../../scope/operation-kind.js'
import { resolveScopeTables, type ScopeSources } from '../../scope/resolve-scope-tables.js'
import type { AdapterSyncOptions } from './adapter-options.js'
import type { CompiledStatement } from './compiled-statement.js'

const DATA_SOURCE = { camel: 'dataSourceUid', snake: 'data_source_uid' } as const

/**
 * Turns a compiled statement and the adapter options into `buildOperation`'s
 * input: the kind checked ({@link resolveOperationKind}), the scope declared
 * or inferred ({@link resolveScopeTables}), and `$n` rewritten to `%(pN)s`
 * with the values named by the placeholder lexer ({@link bindPositional}).
 *
 * @throws {OperationBuildError} from those steps, and `invalid_value` at
 *   `/scope/data_source_uid` when both the options and `scope` name a data source.
 *
 * @example
 * ```ts
 * toOperationInput({ sql: 'select 1 from "asset" where "uid" = $1', values: [uid], shape }, { registry })
 * // { operation: 'select', sql: 'select 1 from "asset" where "uid" = %(p1)s', parameters: { p1: uid }, scope: { tables: [...] } }
 * ```
 */
export function toOperationInput(statement: CompiledStatement, options: AdapterSyncOptions): OperationInput {
  const operation = resolveOperationKind(statement.shape, options.operation)
  const sources: { -readonly [K in keyof ScopeSources]: ScopeSources[K] } = {}
  if (options.scope !== undefined) sources.declared = options.scope.tables
  if (options.registry !== undefined) sources.registry = options.registry
  const tables = resolveScopeTables(statement.shape, sources)
  const dataSourceUid = dataSourceOf(options)
  const bound = bindPositional(statement.sql, statement.values, options.names === undefined ? NO_OPTIONS : { names: options.names })
  // Built key by key rather than spread: this runs on every call of every adapter.
  const scope: Record<string, unknown> = options.scope === undefined ? {} : { ...options.scope }
  if (dataSourceUid !== undefined) scope.dataSourceUid = dataSourceUid
  scope.tables = tables
  const input: { -readonly [K in keyof OperationInput]: OperationInput[K] } = { operation, sql: bound.sql, parameters: bound.parameters, scope: scope as unknown as OperationInput['scope'] }
  if (options.parameterTypes !== undefined) input.parameterTypes = options.parameterTypes
  if (options.limits !== undefined) input.limits = options.limits
  return input
}

const NO_OPTIONS = {}

function dataSourceOf(options: AdapterSyncOptions): string | undefined {
  const given = readSpelled(options as Readonly<Record<string, unknown>>, DATA_SOURCE, '/scope') as string | undefined
  if (given === undefined) return undefined
  const scope = (options.scope ?? {}) as Readonly<Record<string, unknown>>
  if (readSpelled(scope, DATA_SOURCE, '/scope') !== undefined) {
    throw new OperationBuildError('invalid_value', '/scope/data_source_uid', 'the data source is given both in the options and in scope; give it once')
  }
  return given
}
