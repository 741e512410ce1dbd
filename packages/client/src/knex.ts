/**
 * @compiled-sql/client/knex: build compiled-sql.v1 envelopes from Knex 3 queries (an optional peer dependency).
 *
 * @example
 * ```ts
 * import { MetaTableRegistry } from '@compiled-sql/client'
 * import { fromKnex } from '@compiled-sql/client/knex'
 * ```
 *
 * @packageDocumentation
 */
export * from './builders/knex/index.js'
export type { AdapterOptions, AdapterSyncOptions } from './builders/core/index.js'
