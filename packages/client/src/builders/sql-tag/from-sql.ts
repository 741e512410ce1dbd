import type { CompiledSqlOperation } from '@compiled-sql/protocol'
import { excerpt } from '../../scope/raw-text.js'
import type { AdapterOptions, AdapterSyncOptions } from '../core/adapter-options.js'
import { buildFromStatement, buildFromStatementSync } from '../core/build-from-statement.js'
import type { CompiledStatement } from '../core/compiled-statement.js'
import { ShapeCache } from '../core/shape-cache.js'
import { compileFragment } from './compile-fragment.js'
import type { SqlFragment } from './sql-fragment.js'

const SHAPES = new ShapeCache()

/**
 * Compiles a `sql` fragment into a statement with no inferred kind or tables:
 * hand-written SQL declares both.
 *
 * @example
 * ```ts
 * sqlStatement(sql`SELECT 1 FROM public.asset WHERE uid = ${uid}`)
 * // { sql: 'SELECT 1 FROM public.asset WHERE uid = $1', values: [uid], shape: { tables: [], rawText: '…' } }
 * ```
 */
export function sqlStatement(fragment: SqlFragment): CompiledStatement {
  const compiled = compileFragment(fragment)
  return { sql: compiled.sql, values: compiled.values, shape: SHAPES.shapeOf(compiled.sql, () => ({ tables: [], rawText: excerpt(compiled.sql) })) }
}

/**
 * Builds a validated compiled-sql.v1 envelope from a `sql` tagged template.
 * Values become `%(p1)s`, `%(p2)s`, … (a literal `%` becomes `%%`) and are
 * encoded (Date, bigint, Uint8Array). The tag infers nothing:
 * `options.operation` and `options.scope` are required.
 *
 * @throws {OperationBuildError} `missing_field` at `/operation` or
 *   `/scope/tables` when they are absent, `invalid_value` for a misplaced
 *   value, and the envelope's own errors.
 *
 * @example
 * ```ts
 * import { fromSql, sql } from '@compiled-sql/client/sql'
 * const operation = await fromSql(
 *   sql`SELECT asset.uid, asset.symbol FROM public.asset AS asset
 *       JOIN public.account AS account ON asset.account_uid = account.uid
 *       WHERE account.uid = ${accountUid} AND asset.symbol ILIKE ${'%BTC%'}`,
 *   { operation: 'select', scope: { tables: [{ metaTableUid: ASSET_UID, alias: 'asset' }, { metaTableUid: ACCOUNT_UID, alias: 'account' }] } },
 * )
 * ```
 */
export async function fromSql(fragment: SqlFragment, options: AdapterOptions = {}): Promise<CompiledSqlOperation> {
  return buildFromStatement(sqlStatement(fragment), options)
}

/**
 * {@link fromSql} without the async data source hook.
 *
 * @throws {OperationBuildError} as {@link fromSql}.
 *
 * @example
 * ```ts
 * const operation = fromSqlSync(sql`DELETE FROM public.asset WHERE uid = ${uid}`, {
 *   operation: 'delete',
 *   scope: { dataSourceUid, tables: [{ metaTableUid: ASSET_UID, access: 'write' }] },
 * })
 * ```
 */
export function fromSqlSync(fragment: SqlFragment, options: AdapterSyncOptions = {}): CompiledSqlOperation {
  return buildFromStatementSync(sqlStatement(fragment), options)
}
