/**
 * How much the client adds on top of each query builder: for the seed's
 * Asset/Account query (compiled-sql-execution.txt), the time from a builder
 * query to a validated compiled-sql.v1 envelope (`fromKyselySync` & co., which
 * compile the query themselves), against the builder's own `compile()` /
 * `toSQL()` alone. Target: a ratio of at most 2×. Not a test: nothing is
 * asserted, the figures are printed.
 *
 * Method: every case is warmed up, then timed in rounds; each round times a
 * batch of both sides, in alternating order, so drift (GC, JIT, frequency)
 * hits both alike. The figure per side is the median over rounds.
 *
 * It measures the built package (dist/), as an application runs it: `npm run
 * build` first (turbo does).
 *
 * Run: npm run bench -w @compiled-sql/client
 */
import { and, eq, ilike } from 'drizzle-orm'
import { pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { drizzle } from 'drizzle-orm/pg-proxy'
import knexFactory from 'knex'
import { MetaTableRegistry } from '../dist/index.js'
import { drizzleTableName, fromDrizzleSync } from '../dist/drizzle.js'
import { fromKnexSync } from '../dist/knex.js'
import { fromKyselySync } from '../dist/kysely.js'
import { compileFragment, fromSqlSync, sql } from '../dist/sql.js'
import { offlineKysely } from '../test/support/offline-kysely.js'

const ASSET = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
const ACCOUNT = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'
const ACCOUNT_UID = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc'
const options = { dataSourceUid: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd', env: {} }

interface Case {
  readonly name: string
  /** The builder's own compilation. */
  readonly compile: () => unknown
  /** The same query to a validated envelope. */
  readonly envelope: () => unknown
}

function kyselyCase(): Case {
  interface Database {
    'public.asset': { uid: string; account_uid: string; symbol: string }
    'public.account': { uid: string }
  }
  const db = offlineKysely<Database>()
  const query = db
    .selectFrom('public.asset as asset')
    .innerJoin('public.account as account', 'asset.account_uid', 'account.uid')
    .select(['asset.uid', 'asset.symbol'])
    .where('account.uid', '=', ACCOUNT_UID)
    .where('asset.symbol', 'ilike', '%BTC%')
  const registry = new MetaTableRegistry({ 'public.asset': ASSET, 'public.account': ACCOUNT })
  return { name: 'Kysely 0.28', compile: () => query.compile(), envelope: () => fromKyselySync(query, { ...options, registry }) }
}

function drizzleCase(): Case {
  const account = pgTable('account', { uid: uuid('uid').primaryKey() })
  const asset = pgTable('asset', { uid: uuid('uid').primaryKey(), accountUid: uuid('account_uid').notNull(), symbol: text('symbol').notNull() })
  const db = drizzle(async () => ({ rows: [] }))
  const query = db
    .select({ uid: asset.uid, symbol: asset.symbol })
    .from(asset)
    .innerJoin(account, eq(asset.accountUid, account.uid))
    .where(and(eq(account.uid, ACCOUNT_UID), ilike(asset.symbol, '%BTC%')))
  const registry = new MetaTableRegistry().bind(drizzleTableName(asset), ASSET).bind(drizzleTableName(account), ACCOUNT)
  return { name: 'Drizzle 0.45', compile: () => query.toSQL(), envelope: () => fromDrizzleSync(query, { ...options, registry }) }
}

function knexCase(): Case {
  const knex = knexFactory({ client: 'pg' })
  const query = knex('public.asset as asset')
    .join('public.account as account', 'asset.account_uid', 'account.uid')
    .select('asset.uid', 'asset.symbol')
    .where('account.uid', ACCOUNT_UID)
    .where('asset.symbol', 'ilike', '%BTC%')
  const registry = new MetaTableRegistry({ 'public.asset': ASSET, 'public.account': ACCOUNT })
  return { name: 'Knex 3', compile: () => query.toSQL().toNative(), envelope: () => fromKnexSync(query, { ...options, registry }) }
}

function sqlTagCase(): Case {
  const query = sql`SELECT asset.uid, asset.symbol FROM public.asset AS asset JOIN public.account AS account ON asset.account_uid = account.uid
    WHERE account.uid = ${ACCOUNT_UID} AND asset.symbol ILIKE ${'%BTC%'}`
  const scope = { tables: [{ metaTableUid: ASSET, alias: 'asset' }, { metaTableUid: ACCOUNT, alias: 'account' }] }
  return { name: 'sql tag', compile: () => compileFragment(query), envelope: () => fromSqlSync(query, { ...options, operation: 'select', scope }) }
}

/** Microseconds per call of `run`, over a batch. */
function timeBatch(run: () => unknown, batch: number): number {
  let sink: unknown
  const start = performance.now()
  for (let i = 0; i < batch; i += 1) sink = run()
  const elapsed = performance.now() - start
  if (sink === undefined) throw new Error('a case returned nothing')
  return (elapsed * 1000) / batch
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2
}

const WARMUP = 3_000
const ROUNDS = 21
const BATCH = 1_000

const rows: string[][] = []
for (const benchCase of [kyselyCase(), drizzleCase(), knexCase(), sqlTagCase()]) {
  timeBatch(benchCase.compile, WARMUP)
  timeBatch(benchCase.envelope, WARMUP)
  const compile: number[] = []
  const envelope: number[] = []
  for (let round = 0; round < ROUNDS; round += 1) {
    if (round % 2 === 0) {
      compile.push(timeBatch(benchCase.compile, BATCH))
      envelope.push(timeBatch(benchCase.envelope, BATCH))
    } else {
      envelope.push(timeBatch(benchCase.envelope, BATCH))
      compile.push(timeBatch(benchCase.compile, BATCH))
    }
  }
  const [own, total] = [median(compile), median(envelope)]
  const ratio = total / own
  rows.push([benchCase.name, own.toFixed(2), total.toFixed(2), `${ratio.toFixed(2)}×`, ratio <= 2 ? 'yes' : 'NO'])
}

const header = ['builder (seed Asset/Account query)', 'compile alone µs', 'to envelope µs', 'ratio', '≤ 2×']
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)))
const line = (cells: readonly string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ')
console.log(`median of ${ROUNDS} interleaved rounds of ${BATCH} calls, after ${WARMUP} warm-up calls; Node ${process.version}`)
console.log(line(header))
for (const row of rows) console.log(line(row))
