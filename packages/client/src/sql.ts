/**
 * @compiled-sql/client/sql: build compiled-sql.v1 envelopes from the `sql` tagged template.
 *
 * @example
 * ```ts
 * import { MetaTableRegistry } from '@compiled-sql/client'
 * import { fromSql, sql } from '@compiled-sql/client/sql'
 * ```
 *
 * @packageDocumentation
 */
export * from './builders/sql-tag/index.js'
export type { AdapterOptions, AdapterSyncOptions } from './builders/core/index.js'
