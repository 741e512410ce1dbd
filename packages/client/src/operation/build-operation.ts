import type { CompiledSqlOperation } from '@compiled-sql/protocol'
import type { BuildOperationOptions, BuildOperationSyncOptions } from './build-options.js'
import { assembleEnvelope, explicitDataSourceUid } from './assemble-envelope.js'
import { noDataSource, resolveDataSourceUid, resolveDataSourceUidSync } from './data-source.js'
import type { OperationInput } from './operation-input.js'
import { validatedEnvelope } from './validate-envelope.js'

/**
 * Builds a validated compiled-sql.v1 envelope, snake_case, from pyformat SQL
 * and JS values. It accepts `metaTableUid`, `dataSourceUid` and
 * `reservedPolicy` in either spelling (never both in one object), encodes the
 * parameters (Date, bigint, bytes; see `encodeParameters`), fills `version`,
 * `dialect`, `paramstyle`, `access: "read"` and the limits defaults, and
 * serializes a concrete `data_source_uid` resolved in this order: explicit;
 * `options.defaultDataSourceUid`; the `COMPILED_SQL_DATA_SOURCE_UID`
 * environment variable; the async `options.resolveDataSourceUid()` hook.
 * The result always passes the protocol's `validateOperation`.
 *
 * Async because of the hook; {@link buildOperationSync} does the same
 * without it.
 *
 * @throws {OperationBuildError} with a protocol error code and the JSON
 *   Pointer of the offending field, and a message saying how to fix it.
 *
 * @example
 * ```ts
 * const envelope = await buildOperation(
 *   {
 *     operation: 'select',
 *     sql: 'SELECT a.uid FROM public.asset AS a WHERE a.symbol ILIKE %(symbol_1)s',
 *     parameters: { symbol_1: '%BTC%' },
 *     scope: { tables: [{ metaTableUid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', alias: 'a' }] },
 *     limits: { maxRows: 500 },
 *   },
 *   { defaultDataSourceUid: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd' },
 * )
 * JSON.stringify(envelope) // '{"operation":"select","version":"compiled-sql.v1",...}'
 * ```
 */
export async function buildOperation(input: OperationInput, options: BuildOperationOptions = {}): Promise<CompiledSqlOperation> {
  const dataSourceUid = await resolveDataSourceUid(explicitDataSourceUid(input), options)
  return validatedEnvelope(assembleEnvelope(input, dataSourceUid))
}

/**
 * {@link buildOperation} without the async hook: the data source must come
 * from the scope, `options.defaultDataSourceUid` or the environment.
 *
 * @throws {OperationBuildError} as {@link buildOperation}, and `missing_field`
 *   at `/scope/data_source_uid` when no data source resolves.
 *
 * @example
 * ```ts
 * const envelope = buildOperationSync({
 *   operation: 'delete',
 *   sql: 'DELETE FROM public.asset WHERE uid = %(uid)s',
 *   parameters: { uid: 'u1' },
 *   scope: { dataSourceUid: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd', tables: [{ metaTableUid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', access: 'write' }] },
 * })
 * ```
 */
export function buildOperationSync(input: OperationInput, options: BuildOperationSyncOptions = {}): CompiledSqlOperation {
  const dataSourceUid = resolveDataSourceUidSync(explicitDataSourceUid(input), options)
  if (dataSourceUid === undefined) throw noDataSource(false)
  return validatedEnvelope(assembleEnvelope(input, dataSourceUid))
}
