import { DEFAULT_LIMITS, type OperationResult, type RunQueryResponse, type SelectResult } from '@compiled-sql/protocol'
import { OperationBuildError } from '../errors/operation-build-error.js'
import { normalizeEndpoint, resolveRoutes, type Connection } from '../http/connection.js'
import { resolveRetryPolicy } from '../http/retry-policy.js'
import { sendRequest } from '../http/send-request.js'
import type { CallOptions, ExecuteOptions, MetaTableClientOptions } from './client-options.js'
import { compiledEnvelope } from './compiled-envelope.js'
import { mergePages } from './merge-pages.js'
import { OperationStream } from './operation-stream.js'
import { readPages } from './read-pages.js'
import { runQueryResponse, writeResult } from './reply-shape.js'

function checkTimeout(timeoutMs: number | undefined): void {
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) {
    throw new RangeError(`timeoutMs must be a positive integer, got ${String(timeoutMs)}`)
  }
}

/**
 * Executes compiled-sql.v1 envelopes and raw read-only queries against a
 * MetaTables service (TS Manager, or the server-stub). Uses only `fetch`, so
 * it runs in Node 20 and in browsers.
 *
 * @example
 * ```ts
 * import { MetaTableClient, buildOperation } from '@compiled-sql/client'
 *
 * const client = new MetaTableClient({ endpoint: 'http://127.0.0.1:8787', token: 'demo-analyst-token-0001' })
 * const envelope = await buildOperation({ operation: 'select', sql: 'SELECT uid, symbol FROM public.asset ORDER BY uid', scope })
 * const result = await client.executeOperation(envelope)
 * console.log(result.row_count, result.rows)
 * ```
 */
export class MetaTableClient {
  readonly #connection: Connection
  readonly #timeoutMs: number | undefined

  constructor(options: MetaTableClientOptions) {
    checkTimeout(options.timeoutMs)
    const fetchImpl = options.fetch ?? globalThis.fetch
    if (typeof fetchImpl !== 'function') throw new TypeError('no fetch: pass options.fetch on a runtime without a global fetch')
    if (typeof options.token !== 'function' && (typeof options.token !== 'string' || options.token === '')) {
      throw new TypeError('token must be a non-empty string or a function returning one')
    }
    this.#connection = {
      endpoint: normalizeEndpoint(options.endpoint),
      token: options.token,
      // Called unbound: some runtimes' fetch throws "Illegal invocation" as a method of another object.
      fetch: (input, init) => fetchImpl(input, init),
      routes: resolveRoutes(options.routes),
      retry: resolveRetryPolicy(options.retry),
      headers: { ...options.headers },
      onRetry: options.onRetry,
    }
    this.#timeoutMs = options.timeoutMs
  }

  /**
   * Executes an envelope. A select follows `pagination.next_offset` until it
   * has `limits.max_rows` rows or the server has no more, and returns the
   * pages merged into one result. A write is sent once and never paginated;
   * it is retried automatically only with `idempotencyKey`.
   *
   * @throws {OperationBuildError} when `envelope` is not a valid envelope (a query builder or SQL text: "compile first").
   * @throws {RequestError} a `BadRequestError`, `RateLimitError`, `TransportError`… for a failed request.
   *
   * @example
   * ```ts
   * const inserted = await client.executeOperation(insertEnvelope, { idempotencyKey: crypto.randomUUID() })
   * ```
   */
  async executeOperation(envelope: unknown, options: ExecuteOptions = {}): Promise<OperationResult> {
    const operation = compiledEnvelope(envelope)
    const callOptions = this.#withTimeout(options)
    if (operation.operation === 'select') {
      const pages: SelectResult[] = []
      for await (const page of readPages(this.#connection, operation, callOptions)) pages.push(page)
      return mergePages(pages, operation.limits?.max_rows ?? DEFAULT_LIMITS.max_rows)
    }
    const reply = await sendRequest(this.#connection, {
      path: this.#connection.routes.executeOperation,
      body: JSON.stringify(operation),
      retryable: callOptions.idempotencyKey !== undefined,
      idempotencyKey: callOptions.idempotencyKey,
      signal: callOptions.signal,
      timeoutMs: callOptions.timeoutMs,
    })
    return writeResult(reply)
  }

  /**
   * Streams a select page by page, for reads too large to hold at once. The
   * pages are the ones `executeOperation` would merge; `.rows()` iterates rows.
   *
   * @throws {OperationBuildError} when `envelope` is invalid or is not a select (writes go through `executeOperation`).
   *
   * @example
   * ```ts
   * const stream = client.streamOperation(envelope, { onProgress: ({ rows, maxRows }) => console.error(`${rows}/${maxRows}`) })
   * for await (const row of stream.rows()) write(row)
   * ```
   */
  streamOperation(envelope: unknown, options: ExecuteOptions = {}): OperationStream {
    const operation = compiledEnvelope(envelope)
    if (operation.operation !== 'select') {
      throw new OperationBuildError('statement_kind_mismatch', '/operation', `streamOperation reads; a ${operation.operation} runs once through executeOperation`)
    }
    return new OperationStream(this.#connection, operation, this.#withTimeout(options))
  }

  /**
   * Runs raw read-only SQL (SELECT, WITH, EXPLAIN) limited to one MetaTable,
   * posting the SQL as a JSON string body, as the upstream SDK's
   * `MetaTable.run_query` does. For diagnostics and exploration; application
   * queries belong in envelopes.
   *
   * @throws {OperationBuildError} `too_small` for an empty uid or SQL.
   * @throws {RequestError} for a rejected or failed query.
   *
   * @example
   * ```ts
   * const { results, row_count } = await client.runQuery(assetUid, 'SELECT * FROM public.asset LIMIT 100')
   * ```
   */
  async runQuery(metaTableUid: string, sql: string, options: CallOptions = {}): Promise<RunQueryResponse> {
    if (typeof metaTableUid !== 'string' || metaTableUid === '') throw new OperationBuildError('too_small', '', 'runQuery needs a MetaTable uid')
    if (typeof sql !== 'string' || sql.trim() === '') throw new OperationBuildError('too_small', '', 'runQuery needs non-empty SQL text')
    const callOptions = this.#withTimeout(options)
    const reply = await sendRequest(this.#connection, {
      path: this.#connection.routes.runQuery(metaTableUid),
      body: JSON.stringify(sql),
      retryable: true,
      signal: callOptions.signal,
      timeoutMs: callOptions.timeoutMs,
    })
    return runQueryResponse(reply)
  }

  #withTimeout<T extends CallOptions>(options: T): T {
    checkTimeout(options.timeoutMs)
    if (options.timeoutMs !== undefined || this.#timeoutMs === undefined) return options
    return { ...options, timeoutMs: this.#timeoutMs }
  }
}
