/**
 * The Knex 3 adapter.
 *
 * @example
 * ```ts
 * import { fromKnex } from '@compiled-sql/client/knex'
 * ```
 *
 * @packageDocumentation
 */
export { fromKnex, fromKnexSync, knexStatement } from './from-knex.js'
export { compileKnex, type CompiledKnex, type KnexQuery } from './knex-query.js'
export { knexShape } from './knex-shape.js'
export { parseKnexTable } from './knex-table-spec.js'
