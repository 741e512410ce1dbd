import pg from 'pg'
import { ExecutionError } from './execution-error.js'
import { PinnedFormatClient } from './pinned-format-client.js'
import type { DataSourceExecutor, ExecutionRequest, ExecutionResult } from './execution-request.js'
import { runRequest } from './run-request.js'
import { timerDelay } from './timer-delay.js'
import type { Session } from './session.js'
import { TypeCatalog } from './type-catalog.js'

/** How to reach a PostgreSQL data source. */
export interface PostgresExecutorOptions {
  /** A libpq connection URI. */
  readonly connectionString: string
  /** Connections in the pool. Defaults to 10. */
  readonly poolSize?: number
  /** How long to wait for a connection (from the pool or the server). Defaults to 5 s. */
  readonly connectTimeoutMs?: number
  /** The longest a request waits for a lock (`lock_timeout`, at most its statement timeout). Defaults to 5 s. */
  readonly lockTimeoutCapMs?: number
  /**
   * How long past its statement timeout a request may go unanswered before the
   * connection is dropped (the server stopped answering). Defaults to 10 s.
   */
  readonly unresponsiveGraceMs?: number
  /** Told about connections that fail while idle in the pool (the server went away). */
  readonly onIdleError?: (error: Error) => void
}

/**
 * PostgreSQL through a `pg.Pool` of pipelined connections. A request that
 * meets a dead connection before `COMMIT` was sent is retried once on a fresh
 * one (nothing was applied), so a server that came back is used again at
 * once; while it is away, requests fail fast with `service_unavailable`.
 */
class PostgresExecutor implements DataSourceExecutor {
  readonly #pool: pg.Pool
  readonly #catalog = new TypeCatalog()
  readonly #lockTimeoutCapMs: number
  readonly #graceMs: number
  #closed = false

  constructor(options: PostgresExecutorOptions) {
    this.#pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      keepAlive: true,
      pipeline: true,
      application_name: 'compiled-sql-server-stub',
      // Output formats are pinned once per connection, so a request's BEGIN carries only what varies.
      Client: PinnedFormatClient,
    })
    // Without a listener, an idle connection the server closes would end the process.
    this.#pool.on('error', (error) => options.onIdleError?.(error))
    this.#lockTimeoutCapMs = options.lockTimeoutCapMs ?? 5_000
    this.#graceMs = options.unresponsiveGraceMs ?? 10_000
  }

  async execute(request: ExecutionRequest): Promise<ExecutionResult> {
    const attempt = await this.#attempt(request)
    if (attempt.ok) return attempt.result
    if (attempt.retry) {
      const again = await this.#attempt(request)
      if (again.ok) return again.result
      throw again.error
    }
    throw attempt.error
  }

  async #attempt(request: ExecutionRequest): Promise<{ ok: true; result: ExecutionResult } | { ok: false; error: unknown; retry: boolean }> {
    if (this.#closed) return { ok: false, error: new ExecutionError('service_unavailable', 'the data source is closed'), retry: false }
    let client: pg.PoolClient
    try {
      client = await this.#pool.connect()
    } catch (error) {
      const message = `cannot connect to the database: ${(error as Error).message}`
      return { ok: false, error: new ExecutionError('service_unavailable', message, { cause: error }), retry: false }
    }
    let committing = false
    let unresponsive = false
    const session: Session = {
      client,
      catalog: this.#catalog,
      lockTimeoutCapMs: this.#lockTimeoutCapMs,
      outputFormats: 'startup',
      broken: false,
      onCommit: () => (committing = true),
    }
    // A socket that dies while the client is checked out emits 'error' on it; unheard, that would end the process.
    const onError = (): void => {
      session.broken = true
    }
    client.on('error', onError)
    const watchdog = setTimeout(() => {
      unresponsive = true
      session.broken = true
      ;(client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy()
    }, timerDelay(request.statementTimeoutMs + this.#graceMs))
    try {
      return { ok: true, result: await runRequest(session, request) }
    } catch (error) {
      const retry = error instanceof ExecutionError && error.code === 'service_unavailable' && !committing && !unresponsive
      return { ok: false, error, retry }
    } finally {
      clearTimeout(watchdog)
      client.off('error', onError)
      client.release(session.broken ? new Error('the connection is broken') : undefined)
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#pool.end()
  }
}

/** A PostgreSQL data source. Connections are made on demand, so an unreachable server fails requests, not start-up. */
export function createPostgresExecutor(options: PostgresExecutorOptions): DataSourceExecutor {
  return new PostgresExecutor(options)
}
