import { randomBytes } from 'node:crypto'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { LEGIT_SCHEMA_SQL } from './legit-corpus.js'
import type { Backend } from './test-world.js'

// The session the corpus ground truth was taken under (README: "How to use it").
const SESSION = ["SET TimeZone = 'UTC'", "SET DateStyle = 'ISO, MDY'", 'SET IntervalStyle = postgres', 'SET extra_float_digits = 1']

/** One private copy of the seeded corpus database. */
export interface LegitDatabase {
  /** The data source of a world file, without uid and capabilities. */
  readonly source: Record<string, unknown>
  /**
   * `row_to_json` of each row of `sql`, read straight from the database, not
   * through the server. On PGlite the data directory must not be open in a
   * server (two PGlites must never share one).
   */
  rowsAsJson(sql: string): Promise<string[]>
  /** Deletes the copy. */
  drop(): Promise<void>
}

/** The seeded corpus database, from which each test takes pristine copies. */
export interface LegitTemplate {
  copy(): Promise<LegitDatabase>
  drop(): Promise<void>
}

function adminUrl(): string {
  const url = process.env.COMPILED_SQL_TEST_POSTGRES_URL
  if (url === undefined) throw new Error('COMPILED_SQL_TEST_POSTGRES_URL is not set: run the tests through scripts/with-postgres.mjs')
  return url
}

function databaseUrl(name: string): string {
  const url = new URL(adminUrl())
  url.pathname = `/${name}`
  return url.toString()
}

async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

function wrapped(sql: string): string {
  return `SELECT row_to_json(q)::text AS j FROM (${sql}) AS q`
}

/** PostgreSQL: a template database; copies are `CREATE DATABASE … TEMPLATE`, which keeps sequences exactly (next trade id 501). */
async function postgresTemplate(seedSql: readonly string[]): Promise<LegitTemplate> {
  const template = `legit_tpl_${randomBytes(5).toString('hex')}`
  await withClient(adminUrl(), (c) => c.query(`CREATE DATABASE ${template}`))
  await withClient(databaseUrl(template), async (c) => {
    for (const sql of seedSql) await c.query(sql)
  })
  const dropDatabase = (name: string) => withClient(adminUrl(), (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {})
  return {
    async copy() {
      const name = `legit_${randomBytes(5).toString('hex')}`
      await withClient(adminUrl(), (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`))
      const url = databaseUrl(name)
      return {
        source: { engine: 'postgresql', connection_string: url, pool_size: 8 },
        rowsAsJson: (sql) =>
          withClient(url, async (c) => {
            for (const setting of SESSION) await c.query(setting)
            return (await c.query<{ j: string }>(wrapped(sql))).rows.map((r) => r.j)
          }),
        drop: () => dropDatabase(name),
      }
    },
    drop: () => dropDatabase(template),
  }
}

/**
 * PGlite: a data directory seeded once in this process and closed cleanly (so
 * `trade_id_seq` is exactly 500 on disk); copies are file copies of it, which
 * a server opens without seeding, in well under a second.
 */
async function pgliteTemplate(seedSql: readonly string[]): Promise<LegitTemplate> {
  const root = mkdtempSync(join(tmpdir(), 'legit-pglite-'))
  const template = join(root, 'template')
  const db = await PGlite.create({ dataDir: template })
  try {
    for (const sql of seedSql) await db.exec(sql)
    await db.exec('CHECKPOINT')
  } finally {
    await db.close()
  }
  let copies = 0
  return {
    async copy() {
      const dataDir = join(root, `copy-${++copies}`)
      cpSync(template, dataDir, { recursive: true })
      return {
        source: { engine: 'pglite', data_dir: dataDir },
        async rowsAsJson(sql) {
          const direct = await PGlite.create({ dataDir })
          try {
            for (const setting of SESSION) await direct.exec(setting)
            return (await direct.query<{ j: string }>(wrapped(sql))).rows.map((r) => r.j)
          } finally {
            await direct.close()
          }
        },
        async drop() {
          rmSync(dataDir, { recursive: true, force: true })
        },
      }
    },
    async drop() {
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** Seeds the corpus schema (and `extraSeed`, run after it) once for `backend`. */
export function legitTemplate(backend: Backend, extraSeed: readonly string[] = []): Promise<LegitTemplate> {
  const seed = [LEGIT_SCHEMA_SQL, ...extraSeed]
  return backend === 'postgresql' ? postgresTemplate(seed) : pgliteTemplate(seed)
}
