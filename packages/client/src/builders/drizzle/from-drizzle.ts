import type { CompiledSqlOperation } from '@compiled-sql/protocol'
import type { AdapterOptions, AdapterSyncOptions } from '../core/adapter-options.js'
import { buildFromStatement, buildFromStatementSync } from '../core/build-from-statement.js'
import type { CompiledStatement } from '../core/compiled-statement.js'
import { ShapeCache } from '../core/shape-cache.js'
import { compileDrizzle, type DrizzleQuery } from './drizzle-query.js'
import { drizzleShape, isDrizzleTemplate } from './drizzle-shape.js'

// Drizzle's `sql` templates and builders with the same text have different shapes: cached apart.
const BUILDER_SHAPES = new ShapeCache()
const TEMPLATE_SHAPES = new ShapeCache()
const NO_SHAPE = Object.freeze({ tables: [] })

/**
 * Compiles a Drizzle query and reads its shape when it is a builder.
 *
 * @example
 * ```ts
 * drizzleStatement(db.select({ uid: asset.uid }).from(asset).where(eq(asset.symbol, 'BTC')))
 * // { sql: 'select "uid" from "asset" where "asset"."symbol" = $1', values: ['BTC'], shape: { kind: 'select', … } }
 * ```
 */
export function drizzleStatement(query: DrizzleQuery): CompiledStatement {
  const compiled = compileDrizzle(query)
  const isBuilder = typeof query === 'object' && !('params' in query)
  const cached = isBuilder ? (isDrizzleTemplate(query) ? TEMPLATE_SHAPES : BUILDER_SHAPES).shapeOf(compiled.sql, () => drizzleShape(query) ?? NO_SHAPE) : undefined
  const shape = cached === NO_SHAPE ? undefined : cached
  return { sql: compiled.sql, values: compiled.params, ...(shape !== undefined && { shape }) }
}

/**
 * Builds a validated compiled-sql.v1 envelope from a Drizzle 0.45 (pg-core)
 * query: a select, insert, update or delete builder, a `sql` template, or
 * `toSQL()` output. `$n` becomes `%(p1)s`, `%(p2)s`, … by the placeholder
 * lexer; params are encoded as Drizzle mapped them; for a builder the kind
 * is checked against `options.operation` and `scope.tables` is inferred
 * through `options.registry` (bind tables with `drizzleTableName`), or
 * `options.scope` is checked to hold every referenced table. Raw SQL and
 * `toSQL()` output need `operation` and `scope`.
 *
 * @throws {OperationBuildError} `statement_kind_mismatch`,
 *   `relation_not_in_scope`, `write_not_in_scope`, `missing_field` and the
 *   envelope's own errors.
 *
 * @example
 * ```ts
 * import { drizzleTableName, fromDrizzle } from '@compiled-sql/client/drizzle'
 * const registry = new MetaTableRegistry().bind(drizzleTableName(asset), ASSET_UID).bind(drizzleTableName(account), ACCOUNT_UID)
 * const operation = await fromDrizzle(
 *   db.select({ uid: asset.uid, symbol: asset.symbol })
 *     .from(asset)
 *     .innerJoin(account, eq(asset.accountUid, account.uid))
 *     .where(eq(account.uid, accountUid)),
 *   { registry, dataSourceUid: DATA_SOURCE_UID },
 * )
 * ```
 */
export async function fromDrizzle(query: DrizzleQuery, options: AdapterOptions = {}): Promise<CompiledSqlOperation> {
  return buildFromStatement(drizzleStatement(query), options)
}

/**
 * {@link fromDrizzle} without the async data source hook.
 *
 * @throws {OperationBuildError} as {@link fromDrizzle}.
 *
 * @example
 * ```ts
 * const operation = fromDrizzleSync(db.delete(asset).where(eq(asset.uid, uid)), { registry, dataSourceUid })
 * ```
 */
export function fromDrizzleSync(query: DrizzleQuery, options: AdapterSyncOptions = {}): CompiledSqlOperation {
  return buildFromStatementSync(drizzleStatement(query), options)
}
