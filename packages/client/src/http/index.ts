/**
 * The HTTP layer: routes, tokens, retries.
 *
 * @example
 * ```ts
 * import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '@compiled-sql/client'
 * ```
 *
 * @packageDocumentation
 */
export type { RouteTable, TokenSource, RetryEvent } from './connection.js'
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js'
export { parseRetryAfter } from './retry-after.js'
