/**
 * The Kysely 0.28 adapter.
 *
 * @example
 * ```ts
 * import { fromKysely } from '@compiled-sql/client/kysely'
 * ```
 *
 * @packageDocumentation
 */
export { fromKysely, fromKyselySync, kyselyStatement } from './from-kysely.js'
export { compileKysely, type KyselyQuery } from './kysely-query.js'
export { kyselyShape } from './kysely-shape.js'
