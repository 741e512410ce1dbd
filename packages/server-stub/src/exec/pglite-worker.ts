import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import pg from 'pg'
import { PGLITE_WORKER_SOURCE, type PgliteWorkerData, type PgliteWorkerMessage } from './pglite-worker-source.js'

/** A running PGlite worker and the one connection to it. */
export interface PgliteInstance {
  readonly worker: Worker
  /** A pipelined `pg` client on the worker's unix socket. */
  readonly client: pg.Client
  /** Whether this start created (and seeded) the database. */
  readonly created: boolean
}

/** Where a worker keeps its data and socket, and how to seed it. */
export interface PgliteWorkerOptions {
  readonly dataDir: string
  /** A private directory for the unix socket (its path must stay short: sockets allow ~100 bytes). */
  readonly socketDir: string
  readonly seedSql: readonly string[]
  readonly startTimeoutMs: number
  /** Called when the worker stops for any reason (terminated, crashed). */
  readonly onExit: (worker: Worker) => void
}

// The socket name libpq-style clients derive from a directory and port 5432.
const SOCKET_PORT = 5432

function waitUntilReady(worker: Worker, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PGlite did not start within ${timeoutMs} ms`)), timeoutMs)
    const settle = (action: () => void): void => {
      clearTimeout(timer)
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExitEarly)
      action()
    }
    const onMessage = (message: PgliteWorkerMessage): void =>
      settle(() => (message.type === 'ready' ? resolve(message.created) : reject(new Error(`PGlite failed to start: ${message.message}`))))
    const onError = (error: Error): void => settle(() => reject(error))
    const onExitEarly = (code: number): void => settle(() => reject(new Error(`the PGlite worker exited with code ${code} while starting`)))
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExitEarly)
  })
}

/**
 * Starts PGlite in a worker thread and connects to it. The worker's thread is
 * what a timeout terminates: PGlite runs queries synchronously and ignores
 * `statement_timeout`, so nothing short of `terminate()` stops a runaway query.
 *
 * @throws when PGlite fails to start or to seed, or the connection fails.
 */
export async function startPgliteWorker(options: PgliteWorkerOptions): Promise<PgliteInstance> {
  const workerData: PgliteWorkerData = {
    dataDir: options.dataDir,
    socketPath: join(options.socketDir, `.s.PGSQL.${SOCKET_PORT}`),
    seedSql: options.seedSql,
    requireFrom: fileURLToPath(import.meta.url),
  }
  const worker = new Worker(PGLITE_WORKER_SOURCE, { eval: true, workerData })
  worker.on('error', () => {}) // reported through 'exit' and the connection; an unhandled 'error' would end the process
  worker.once('exit', () => options.onExit(worker))
  try {
    const created = await waitUntilReady(worker, options.startTimeoutMs)
    const client = new pg.Client({ host: options.socketDir, port: SOCKET_PORT, user: 'postgres', database: 'postgres', pipeline: true })
    client.on('error', () => {}) // a terminated worker closes the socket; the pending queries reject on their own
    await client.connect()
    return { worker, client, created }
  } catch (error) {
    await worker.terminate()
    throw error
  }
}
