import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ExecutionError } from './execution-error.js'
import type { DataSourceExecutor, ExecutionRequest, ExecutionResult } from './execution-request.js'
import { startPgliteWorker, type PgliteInstance } from './pglite-worker.js'
import { runRequest } from './run-request.js'
import { SerialQueue } from './serial-queue.js'
import { timerDelay } from './timer-delay.js'
import { TypeCatalog } from './type-catalog.js'

/** How to run a PGlite data source. */
export interface PgliteExecutorOptions {
  /**
   * PGlite's data directory. Absent: a private temporary directory that
   * {@link DataSourceExecutor.close} deletes — an "in-memory" data source lives
   * as long as its executor, and survives worker restarts, because PGlite on a
   * directory writes every commit through to it.
   */
  readonly dataDir?: string
  /** SQL texts run in order when the data directory holds no database yet. */
  readonly seedSql?: readonly string[]
  /** How long PGlite may take to start (and seed). Defaults to 120 s. */
  readonly startTimeoutMs?: number
}

/**
 * PGlite (PostgreSQL 18, WASM) in a worker thread, behind the same executor as
 * PostgreSQL: `pg` speaks the wire protocol to `@electric-sql/pglite-socket`
 * in the worker over a unix socket. Requests run one at a time (PGlite has
 * one session). PGlite ignores `statement_timeout`, so a request that runs
 * past it gets the worker terminated and `statement_timeout` (57014); a new
 * worker starts at once on the same data directory, where every committed
 * transaction already is, and serves the next request.
 */
class PgliteExecutor implements DataSourceExecutor {
  readonly #queue = new SerialQueue()
  readonly #catalog = new TypeCatalog()
  readonly #dataDir: string
  readonly #tempDir: string
  readonly #seedSql: readonly string[]
  readonly #startTimeoutMs: number
  #instance: PgliteInstance | undefined
  #starting: Promise<PgliteInstance> | undefined
  /** Settles when every stopped worker has exited: two PGlites must never open one data directory. */
  #stopping: Promise<void> = Promise.resolve()
  #closed = false

  constructor(options: PgliteExecutorOptions) {
    this.#tempDir = mkdtempSync(join(tmpdir(), 'csql-pglite-'))
    this.#dataDir = options.dataDir === undefined ? join(this.#tempDir, 'data') : resolve(options.dataDir)
    this.#seedSql = options.seedSql ?? []
    this.#startTimeoutMs = options.startTimeoutMs ?? 120_000
  }

  /** Starts the worker (or joins the start under way). */
  start(): Promise<PgliteInstance> {
    if (this.#instance !== undefined) return Promise.resolve(this.#instance)
    const start = (): Promise<PgliteInstance> =>
      startPgliteWorker({
        dataDir: this.#dataDir,
        socketDir: this.#tempDir,
        seedSql: this.#seedSql,
        startTimeoutMs: this.#startTimeoutMs,
        onExit: (worker) => {
          if (this.#instance?.worker === worker) this.#instance = undefined
        },
      })
    this.#starting ??= this.#stopping.then(start).then(
      (instance) => {
        this.#starting = undefined
        if (this.#closed) this.#stopping = this.#stopping.then(() => this.#stop(instance))
        else this.#instance = instance
        return instance
      },
      (error: unknown) => {
        this.#starting = undefined
        throw error
      },
    )
    return this.#starting
  }

  execute(request: ExecutionRequest): Promise<ExecutionResult> {
    return this.#queue.run(() => this.#run(request))
  }

  async #run(request: ExecutionRequest): Promise<ExecutionResult> {
    if (this.#closed) throw new ExecutionError('service_unavailable', 'the data source is closed')
    let instance: PgliteInstance
    try {
      instance = await this.start()
    } catch (error) {
      throw new ExecutionError('service_unavailable', `PGlite is not available: ${(error as Error).message}`, { cause: error })
    }
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      this.#restart(instance)
    }, timerDelay(request.statementTimeoutMs))
    const session = {
      client: instance.client,
      catalog: this.#catalog,
      lockTimeoutCapMs: request.statementTimeoutMs,
      // PGlite answers the startup packet itself and ignores its options, so each transaction pins the formats.
      outputFormats: 'transaction' as const,
      broken: false,
      onCommit: () => clearTimeout(timer),
    }
    try {
      return await runRequest(session, request)
    } catch (error) {
      if (!timedOut) throw error
      throw new ExecutionError('statement_timeout', 'canceling statement due to statement timeout', { sqlstate: '57014', cause: error })
    } finally {
      clearTimeout(timer)
      if (session.broken && !timedOut) this.#restart(instance)
    }
  }

  /** Stops a worker that timed out or broke, and starts its successor right away. */
  #restart(instance: PgliteInstance): void {
    if (this.#instance === instance) this.#instance = undefined
    this.#stopping = this.#stopping.then(() => this.#stop(instance))
    if (!this.#closed) this.start().catch(() => {}) // a failed start is retried by the next request
  }

  async #stop(instance: PgliteInstance): Promise<void> {
    // A client whose socket already died may never report its end; the worker's exit is what matters.
    const ended = Promise.race([instance.client.end(), new Promise((resolve) => setTimeout(resolve, 1_000).unref())])
    await Promise.allSettled([ended, instance.worker.terminate()])
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#queue.run(async () => {})
    const instance = this.#instance ?? (await this.#starting?.catch(() => undefined))
    this.#instance = undefined
    if (instance !== undefined) this.#stopping = this.#stopping.then(() => this.#stop(instance))
    await this.#stopping
    rmSync(this.#tempDir, { recursive: true, force: true }) // the socket, and the data when the executor owns it
  }
}

/**
 * Starts a PGlite data source and waits until it serves (seeding a new
 * database first), so that a bad seed fails at start-up, not at the first request.
 */
export async function createPgliteExecutor(options: PgliteExecutorOptions = {}): Promise<DataSourceExecutor> {
  const executor = new PgliteExecutor(options)
  try {
    await executor.start()
  } catch (error) {
    await executor.close()
    throw error
  }
  return executor
}
