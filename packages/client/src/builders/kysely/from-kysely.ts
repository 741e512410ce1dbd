import type { CompiledSqlOperation } from '@compiled-sql/protocol'
import type { AdapterOptions, AdapterSyncOptions } from '../core/adapter-options.js'
import { buildFromStatement, buildFromStatementSync } from '../core/build-from-statement.js'
import type { CompiledStatement } from '../core/compiled-statement.js'
import { ShapeCache } from '../core/shape-cache.js'
import { kyselyShape } from './kysely-shape.js'
import { compileKysely, type KyselyQuery } from './kysely-query.js'
import { isNode } from './operation-node.js'

const SHAPES = new ShapeCache()

/**
 * Compiles a Kysely query and reads its shape: the SQL and parameters as
 * Kysely compiled them, and the kind and tables from its operation tree.
 *
 * @example
 * ```ts
 * kyselyStatement(db.selectFrom('asset').select('uid').where('symbol', '=', 'BTC'))
 * // { sql: 'select "uid" from "asset" where "symbol" = $1', values: ['BTC'], shape: { kind: 'select', tables: [...] } }
 * ```
 */
export function kyselyStatement(query: KyselyQuery): CompiledStatement {
  const compiled = compileKysely(query)
  const root: unknown = compiled.query
  return { sql: compiled.sql, values: compiled.parameters, ...(isNode(root) && { shape: SHAPES.shapeOf(compiled.sql, () => kyselyShape(root)) }) }
}

/**
 * Builds a validated compiled-sql.v1 envelope from a Kysely 0.28 query: a
 * query builder or a `CompiledQuery`. `$n` becomes `%(p1)s`, `%(p2)s`, …
 * (by the placeholder lexer, so `%` in SQL text becomes `%%`); the values are
 * encoded (Date, bigint, Uint8Array); the kind is read from the tree and
 * checked against `options.operation`; `scope.tables` is inferred from the
 * tree through `options.registry`, or `options.scope` is checked to hold
 * every referenced table.
 *
 * @throws {OperationBuildError} `statement_kind_mismatch`,
 *   `relation_not_in_scope`, `write_not_in_scope`, `missing_field` and the
 *   envelope's own errors; see `resolveScopeTables`.
 *
 * @example
 * ```ts
 * import { fromKysely } from '@compiled-sql/client/kysely'
 * const registry = new MetaTableRegistry({ 'public.asset': ASSET_UID, 'public.account': ACCOUNT_UID })
 * const operation = await fromKysely(
 *   db.selectFrom('public.asset as asset')
 *     .innerJoin('public.account as account', 'asset.account_uid', 'account.uid')
 *     .select(['asset.uid', 'asset.symbol'])
 *     .where('account.uid', '=', accountUid),
 *   { registry, dataSourceUid: DATA_SOURCE_UID },
 * )
 * ```
 */
export async function fromKysely(query: KyselyQuery, options: AdapterOptions = {}): Promise<CompiledSqlOperation> {
  return buildFromStatement(kyselyStatement(query), options)
}

/**
 * {@link fromKysely} without the async data source hook.
 *
 * @throws {OperationBuildError} as {@link fromKysely}.
 *
 * @example
 * ```ts
 * const operation = fromKyselySync(db.deleteFrom('asset').where('uid', '=', uid), { registry, dataSourceUid })
 * operation.scope.tables // [{ meta_table_uid: ASSET_UID, access: 'write' }]
 * ```
 */
export function fromKyselySync(query: KyselyQuery, options: AdapterSyncOptions = {}): CompiledSqlOperation {
  return buildFromStatementSync(kyselyStatement(query), options)
}
