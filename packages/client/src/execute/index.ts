/**
 * Executing envelopes and raw queries over HTTP.
 *
 * @example
 * ```ts
 * import { MetaTableClient } from '@compiled-sql/client'
 * ```
 *
 * @packageDocumentation
 */
export { MetaTableClient } from './meta-table-client.js'
export { OperationStream, type Row } from './operation-stream.js'
export type { MetaTableClientOptions, CallOptions, ExecuteOptions, ReadProgress } from './client-options.js'
