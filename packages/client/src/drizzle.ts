/**
 * @compiled-sql/client/drizzle: build compiled-sql.v1 envelopes from Drizzle 0.45 pg-core queries (an optional peer dependency).
 *
 * @example
 * ```ts
 * import { MetaTableRegistry } from '@compiled-sql/client'
 * import { drizzleTableName, fromDrizzle } from '@compiled-sql/client/drizzle'
 * ```
 *
 * @packageDocumentation
 */
export * from './builders/drizzle/index.js'
export type { AdapterOptions, AdapterSyncOptions } from './builders/core/index.js'
