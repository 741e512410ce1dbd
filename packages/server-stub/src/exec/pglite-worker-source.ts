/** What the PGlite worker is started with. */
export interface PgliteWorkerData {
  /** PGlite's data directory; it persists every commit, so a restarted worker finds them all. */
  readonly dataDir: string
  /** The unix socket the worker serves the PostgreSQL wire protocol on. */
  readonly socketPath: string
  /** SQL run (in order) only when `dataDir` holds no database yet. */
  readonly seedSql: readonly string[]
  /** A file whose location resolves `@electric-sql/pglite` and `@electric-sql/pglite-socket`. */
  readonly requireFrom: string
}

/** What the worker posts once: ready to serve, or failed to start. */
export type PgliteWorkerMessage = { readonly type: 'ready'; readonly created: boolean } | { readonly type: 'failed'; readonly message: string }

/**
 * The worker's program, as source text run with `new Worker(source, { eval: true })`.
 * A separate file would have to be a build entry of its own; inline source runs
 * the same from `src/` under vitest and from the bundle in `dist/`. It starts
 * PGlite on `dataDir` (seeding a new database; a seed that fails leaves the
 * directory empty again, so that the next start seeds afresh) and serves it on
 * `socketPath` with `@electric-sql/pglite-socket`, one connection at a time.
 */
export const PGLITE_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads')
const { createRequire } = require('node:module')
const fs = require('node:fs')
const path = require('node:path')
const load = createRequire(workerData.requireFrom)
const { PGlite } = load('@electric-sql/pglite')
const { PGLiteSocketServer } = load('@electric-sql/pglite-socket')

function emptyDir(dir) {
  for (const entry of fs.readdirSync(dir)) fs.rmSync(path.join(dir, entry), { recursive: true, force: true })
}

async function main() {
  const { dataDir, socketPath, seedSql } = workerData
  fs.mkdirSync(dataDir, { recursive: true })
  const created = !fs.existsSync(path.join(dataDir, 'PG_VERSION'))
  const db = await PGlite.create({ dataDir })
  if (created) {
    try {
      for (const sql of seedSql) await db.exec(sql)
    } catch (error) {
      await db.close().catch(() => {})
      emptyDir(dataDir)
      throw error
    }
  }
  fs.rmSync(socketPath, { force: true })
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 })
  await server.start()
  parentPort.postMessage({ type: 'ready', created })
}

main().catch((error) => parentPort.postMessage({ type: 'failed', message: String((error && error.message) || error) }))
`
