import type { RouteFamily } from '@compiled-sql/protocol'
import type { RetryEvent, RouteTable, TokenSource } from '../http/connection.js'
import type { RetryPolicy } from '../http/retry-policy.js'

/**
 * How a {@link MetaTableClient} reaches its server.
 *
 * @example
 * ```ts
 * const client = new MetaTableClient({
 *   endpoint: 'http://127.0.0.1:8787',
 *   token: process.env.COMPILED_SQL_TOKEN!,
 *   routes: 'v1', // POST /api/v1/meta-tables/... instead of /orm/api/ts_manager/meta_table/...
 * })
 * ```
 */
export interface MetaTableClientOptions {
  /** The server's root URL, such as `https://ts-manager.example.com` (routes are appended). */
  readonly endpoint: string
  /** The bearer token, or a function returning the current one. */
  readonly token: TokenSource
  /** The `fetch` to use; defaults to the global one (Node 20, browsers). */
  readonly fetch?: typeof globalThis.fetch
  /** `legacy` (default: `/orm/api/ts_manager/meta_table/...`), `v1` (`/api/v1/meta-tables/...`), or a custom table. */
  readonly routes?: RouteFamily | RouteTable
  /** When to retry; see {@link RetryPolicy}. */
  readonly retry?: RetryPolicy
  /** Extra headers for every request (tracing, a tenant header). `Authorization` and content headers are the client's own. */
  readonly headers?: Readonly<Record<string, string>>
  /** Called before each automatic retry, with the failure and the wait. */
  readonly onRetry?: (event: RetryEvent) => void
  /** Ends any single HTTP attempt that takes longer, as a `TransportError`. Default: no limit (the server's statement timeout applies). */
  readonly timeoutMs?: number
}

/** Where a paged read stands, after each page. */
export interface ReadProgress {
  /** Pages received so far (1 after the first). */
  readonly pages: number
  /** Rows received so far. */
  readonly rows: number
  /** The rows the call asked for in total (`limits.max_rows`). */
  readonly maxRows: number
  /** Whether the server reported more rows and the call will ask for them. */
  readonly fetchingMore: boolean
}

/**
 * Options of one call.
 *
 * @example
 * ```ts
 * const controller = new AbortController()
 * await client.executeOperation(envelope, { signal: controller.signal, onProgress: (p) => console.error(`${p.rows} rows`) })
 * ```
 */
export interface CallOptions {
  /** Cancels the call, including a wait between retries; the call rejects with the signal's reason. */
  readonly signal?: AbortSignal
  /** Overrides the client's `timeoutMs` for each attempt of this call. */
  readonly timeoutMs?: number
}

/** Options of `executeOperation` and `streamOperation`. */
export interface ExecuteOptions extends CallOptions {
  /**
   * Sent as the `Idempotency-Key` header. A write is retried automatically
   * only when it has one: the server then applies it at most once.
   */
  readonly idempotencyKey?: string
  /** Called after each page of a read. */
  readonly onProgress?: (progress: ReadProgress) => void
}
