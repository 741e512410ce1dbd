import type { CompiledQuery } from 'kysely'
import { OperationBuildError } from '../../errors/operation-build-error.js'

/**
 * What the Kysely adapter accepts: a `CompiledQuery` (`query.compile()`,
 * `CompiledQuery.raw(…)`), or anything with a no-argument `compile()`:
 * select, insert, update and delete query builders. A `sql` raw builder
 * needs its database to compile: pass `sql\`…\`.compile(db)`.
 *
 * @example
 * ```ts
 * const query: KyselyQuery = db.selectFrom('asset').select('uid')
 * const compiled: KyselyQuery = db.selectFrom('asset').select('uid').compile()
 * ```
 */
export type KyselyQuery = CompiledQuery | { compile(): CompiledQuery }

/**
 * Compiles a builder, or returns a compiled query as is.
 *
 * @throws {OperationBuildError} `invalid_type` at `/statement` for anything else.
 *
 * @example
 * ```ts
 * compileKysely(db.selectFrom('asset').selectAll()).sql // 'select * from "asset"'
 * ```
 */
export function compileKysely(query: KyselyQuery): CompiledQuery {
  if ('compile' in query && typeof query.compile === 'function') return query.compile()
  const compiled = query as Partial<CompiledQuery>
  if (typeof compiled.sql === 'string' && Array.isArray(compiled.parameters)) return compiled as CompiledQuery
  throw new OperationBuildError('invalid_type', '/statement', 'expected a Kysely query builder or CompiledQuery (an object with compile(), or with sql and parameters)')
}
