import { is, SQL } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import { OperationBuildError } from '../../errors/operation-build-error.js'

/**
 * What the Drizzle adapter accepts: a pg-core query builder (anything with
 * `toSQL()`), a `sql` template, or the `{ sql, params }` that `toSQL()`
 * returns. Only builders show their tables.
 *
 * @example
 * ```ts
 * const builder: DrizzleQuery = db.select().from(asset)
 * const compiled: DrizzleQuery = db.select().from(asset).toSQL()
 * const raw: DrizzleQuery = sql`select * from ${asset}`
 * ```
 */
export type DrizzleQuery = { toSQL(): DrizzleCompiled } | DrizzleCompiled | SQL

/**
 * Drizzle's compiled form: `$n` SQL and positional params.
 *
 * @example
 * ```ts
 * const compiled: DrizzleCompiled = { sql: 'select "uid" from "asset" where "symbol" = $1', params: ['BTC'] }
 * ```
 */
export interface DrizzleCompiled {
  readonly sql: string
  readonly params: readonly unknown[]
}

let dialect: PgDialect | undefined

/**
 * Compiles a Drizzle query to `$n` SQL and params; a `sql` template is
 * compiled with pg-core's dialect, no database needed.
 *
 * @throws {OperationBuildError} `invalid_type` at `/statement` for anything else.
 *
 * @example
 * ```ts
 * compileDrizzle(db.select().from(asset)).sql // 'select "uid", … from "asset"'
 * ```
 */
export function compileDrizzle(query: DrizzleQuery): DrizzleCompiled {
  if (is(query, SQL)) {
    dialect ??= new PgDialect()
    return dialect.sqlToQuery(query)
  }
  const compiled: Partial<DrizzleCompiled> = 'toSQL' in query && typeof query.toSQL === 'function' ? query.toSQL() : (query as Partial<DrizzleCompiled>)
  if (typeof compiled.sql === 'string' && Array.isArray(compiled.params)) return compiled as DrizzleCompiled
  throw new OperationBuildError('invalid_type', '/statement', 'expected a Drizzle query builder, a sql template, or { sql, params } from toSQL()')
}
