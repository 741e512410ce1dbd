import type { CompiledSqlOperation } from '@compiled-sql/protocol'
import type { AdapterOptions, AdapterSyncOptions } from '../core/adapter-options.js'
import { buildFromStatement, buildFromStatementSync } from '../core/build-from-statement.js'
import type { CompiledStatement } from '../core/compiled-statement.js'
import { compileKnex, type KnexQuery } from './knex-query.js'

/**
 * Compiles a Knex query to `$n` SQL and reads its shape when it is a builder.
 *
 * @example
 * ```ts
 * knexStatement(knex('asset').select('uid').where('symbol', 'BTC'))
 * // { sql: 'select "uid" from "asset" where "symbol" = $1', values: ['BTC'], shape: { kind: 'select', … } }
 * ```
 */
export function knexStatement(query: KnexQuery): CompiledStatement {
  const compiled = compileKnex(query)
  return { sql: compiled.sql, values: compiled.bindings, ...(compiled.shape !== undefined && { shape: compiled.shape }) }
}

/**
 * Builds a validated compiled-sql.v1 envelope from a Knex 3 query made with
 * `knex({ client: 'pg' })` (no connection needed): a query builder,
 * `knex.raw(…)`, `toSQL()` or `toSQL().toNative()`. `$n` becomes `%(p1)s`,
 * `%(p2)s`, … by the placeholder lexer; bindings are encoded (Date, bigint,
 * Buffer); for a builder the kind is checked against `options.operation` and
 * `scope.tables` is inferred through `options.registry`, or `options.scope`
 * is checked to hold every referenced table. Raw SQL and compiled output
 * need `operation` and `scope`.
 *
 * @throws {OperationBuildError} `statement_kind_mismatch`,
 *   `relation_not_in_scope`, `write_not_in_scope`, `missing_field` and the
 *   envelope's own errors.
 *
 * @example
 * ```ts
 * import { fromKnex } from '@compiled-sql/client/knex'
 * const knex = Knex({ client: 'pg' })
 * const operation = await fromKnex(
 *   knex('public.asset as asset')
 *     .join('public.account as account', 'asset.account_uid', 'account.uid')
 *     .select('asset.uid', 'asset.symbol')
 *     .where('account.uid', accountUid),
 *   { registry, dataSourceUid: DATA_SOURCE_UID },
 * )
 * ```
 */
export async function fromKnex(query: KnexQuery, options: AdapterOptions = {}): Promise<CompiledSqlOperation> {
  return buildFromStatement(knexStatement(query), options)
}

/**
 * {@link fromKnex} without the async data source hook.
 *
 * @throws {OperationBuildError} as {@link fromKnex}.
 *
 * @example
 * ```ts
 * const operation = fromKnexSync(knex('public.asset').where('uid', uid).del(), { registry, dataSourceUid })
 * ```
 */
export function fromKnexSync(query: KnexQuery, options: AdapterSyncOptions = {}): CompiledSqlOperation {
  return buildFromStatementSync(knexStatement(query), options)
}
