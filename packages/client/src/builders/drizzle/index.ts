/**
 * The Drizzle 0.45 (pg-core) adapter.
 *
 * @example
 * ```ts
 * import { drizzleTableName, fromDrizzle } from '@compiled-sql/client/drizzle'
 * ```
 *
 * @packageDocumentation
 */
export { fromDrizzle, fromDrizzleSync, drizzleStatement } from './from-drizzle.js'
export { compileDrizzle, type DrizzleCompiled, type DrizzleQuery } from './drizzle-query.js'
export { drizzleShape } from './drizzle-shape.js'
export { drizzleTableAlias, drizzleTableName } from './drizzle-table-name.js'
