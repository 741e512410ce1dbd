/**
 * @compiled-sql/client/kysely: build compiled-sql.v1 envelopes from Kysely 0.28 queries (an optional peer dependency).
 *
 * @example
 * ```ts
 * import { MetaTableRegistry } from '@compiled-sql/client'
 * import { fromKysely } from '@compiled-sql/client/kysely'
 * ```
 *
 * @packageDocumentation
 */
export * from './builders/kysely/index.js'
export type { AdapterOptions, AdapterSyncOptions } from './builders/core/index.js'
