import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { createPgliteExecutor } from '../../../src/exec/pglite-executor.js'
import { createPostgresExecutor } from '../../../src/exec/postgres-executor.js'
import type { DataSourceExecutor, ExecutionRequest, ExecutionResult } from '../../../src/exec/execution-request.js'

/** The realistic corpus, vendored in the repository (conformance-fixtures/sources/legit). */
export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..', 'conformance-fixtures', 'sources', 'legit')

/** The corpus schema and seed (12 accounts, 40 assets, 2000 prices, 501 trades). */
export const SCHEMA_SQL = readFileSync(join(CORPUS_DIR, 'schema.sql'), 'utf8')

/** The real PostgreSQL 15 that `scripts/with-postgres.mjs` provides, if any. */
export const POSTGRES_URL = process.env.COMPILED_SQL_TEST_POSTGRES_URL

/** A data source under test: an executor on a database seeded with {@link SCHEMA_SQL}. */
export interface TestBackend {
  readonly executor: DataSourceExecutor
  close(): Promise<void>
}

/** How to make one back end, and why it may be unavailable. */
export interface BackendKind {
  readonly name: 'postgresql' | 'pglite'
  /** Why the suite is skipped here; `undefined` when it runs. */
  readonly skip: string | undefined
  start(seedSql?: readonly string[]): Promise<TestBackend>
}

/** A scratch database on the test server, seeded, and dropped afterwards. */
async function startPostgres(seedSql: readonly string[]): Promise<TestBackend> {
  const url = new URL(POSTGRES_URL as string)
  const name = `exec_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url.toString() })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  url.pathname = `/${name}`
  const seeder = new pg.Client({ connectionString: url.toString() })
  await seeder.connect()
  for (const sql of seedSql) await seeder.query(sql)
  await seeder.end()
  const executor = createPostgresExecutor({ connectionString: url.toString(), poolSize: 4 })
  return {
    executor,
    async close() {
      await executor.close()
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`)
      await admin.end()
    },
  }
}

/** Both back ends; run a suite for each with `describe.skipIf(kind.skip)`. */
export const BACKENDS: readonly BackendKind[] = [
  {
    name: 'postgresql',
    skip: POSTGRES_URL === undefined ? 'COMPILED_SQL_TEST_POSTGRES_URL is not set (run under scripts/with-postgres.mjs)' : undefined,
    start: (seedSql = [SCHEMA_SQL]) => startPostgres(seedSql),
  },
  {
    name: 'pglite',
    skip: undefined,
    async start(seedSql = [SCHEMA_SQL]) {
      const executor = await createPgliteExecutor({ seedSql })
      return { executor, close: () => executor.close() }
    },
  },
]

/** A request with the defaults the tests share: public schema, 10 s timeout, no parameters. */
export function request(text: string, overrides: Partial<ExecutionRequest> = {}): ExecutionRequest {
  return { text, parameters: [], mode: 'read', searchPath: ['public'], statementTimeoutMs: 10_000, ...overrides }
}

/** Runs a read and returns its rows. */
export async function readRows(
  executor: DataSourceExecutor,
  text: string,
  overrides: Partial<ExecutionRequest> = {},
): Promise<ExecutionResult['rows']> {
  return (await executor.execute(request(text, overrides))).rows
}

/** The rejection of a promise that must reject. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection')
}
