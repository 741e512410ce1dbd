/**
 * @compiled-sql/client: build validated compiled-sql.v1 envelopes from SQL
 * and JS values, and rewrite `$n` SQL into pyformat.
 *
 * @example
 * ```ts
 * import { bindPositional, buildOperation } from '@compiled-sql/client'
 * const { sql, parameters } = bindPositional('SELECT * FROM public.asset WHERE symbol = $1', ['BTC'])
 * const envelope = await buildOperation({ operation: 'select', sql, parameters, scope: { tables: [{ metaTableUid }] } })
 * ```
 *
 * @packageDocumentation
 */
export * from './errors/index.js'
export * from './execute/index.js'
export * from './http/index.js'
export * from './operation/index.js'
export * from './parameters/index.js'
export * from './placeholders/index.js'
export * from './scope/index.js'
