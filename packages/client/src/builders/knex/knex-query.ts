import type { Knex } from 'knex'
import { OperationBuildError } from '../../errors/operation-build-error.js'
import { excerpt } from '../../scope/raw-text.js'
import type { StatementShape } from '../../scope/statement-shape.js'
import { isKnexBuilder, isKnexRaw } from './knex-state.js'
import { knexShape } from './knex-shape.js'
import { ShapeCache } from '../core/shape-cache.js'

const BUILDER_SHAPES = new ShapeCache()

/**
 * What the Knex adapter accepts: a query builder or `knex.raw(…)` (anything
 * with `toSQL()`), the `toSQL()` result, or its `toNative()` result with `$n`
 * placeholders. Only a query builder shows its tables.
 *
 * @example
 * ```ts
 * const builder: KnexQuery = knex('public.asset').where('symbol', 'BTC')
 * const native: KnexQuery = knex('public.asset').where('symbol', 'BTC').toSQL().toNative()
 * ```
 */
export type KnexQuery = { toSQL(): Knex.Sql | readonly Knex.Sql[] } | Knex.Sql | Knex.SqlNative

/**
 * A Knex query compiled to PostgreSQL's native form, and its shape when
 * the input was a builder.
 *
 * @example
 * ```ts
 * const compiled: CompiledKnex = { sql: 'select * from "asset" where "symbol" = $1', bindings: ['BTC'] }
 * ```
 */
export interface CompiledKnex {
  readonly sql: string
  readonly bindings: readonly unknown[]
  readonly shape?: StatementShape
}

const notKnex = (): OperationBuildError =>
  new OperationBuildError('invalid_type', '/statement', 'expected a Knex query builder, knex.raw(…), toSQL() or toSQL().toNative() with client "pg"')

/**
 * Compiles a Knex query to `$n` SQL (`toSQL().toNative()`, for a Knex made
 * with `client: 'pg'`) and reads the builder's shape.
 *
 * @throws {OperationBuildError} `invalid_type` at `/statement` for anything
 *   else, or for a query that compiles to several statements.
 *
 * @example
 * ```ts
 * compileKnex(knex('asset').where('uid', uid)).sql // 'select * from "asset" where "uid" = $1'
 * ```
 */
export function compileKnex(query: KnexQuery): CompiledKnex {
  const sql: unknown = 'toSQL' in query && typeof query.toSQL === 'function' ? query.toSQL() : query
  if (Array.isArray(sql) || typeof sql !== 'object' || sql === null) throw notKnex()
  const native: Partial<Knex.SqlNative> = 'toNative' in sql && typeof sql.toNative === 'function' ? (sql.toNative() as Knex.SqlNative) : (sql as Knex.SqlNative)
  if (typeof native.sql !== 'string' || !Array.isArray(native.bindings)) throw notKnex()
  const shape: StatementShape | undefined = isKnexBuilder(query)
    ? BUILDER_SHAPES.shapeOf(native.sql, () => knexShape(query))
    : isKnexRaw(query)
      ? { tables: [], rawText: excerpt(query.sql) }
      : undefined
  return { sql: native.sql, bindings: native.bindings, ...(shape !== undefined && { shape }) }
}
