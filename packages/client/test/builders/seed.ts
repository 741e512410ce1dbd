import { drizzle } from 'drizzle-orm/pg-proxy'
import { bigint, customType, date, integer, pgSchema, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import knexFactory from 'knex'
import type { Kysely } from 'kysely'
import { expect } from 'vitest'
import { validateOperation, type CompiledSqlOperation } from '@compiled-sql/protocol'
import { fromPyformat, MetaTableRegistry } from '../../src/index.js'
import { offlineKysely } from '../support/offline-kysely.js'

/** The seed's uids (compiled-sql-execution.txt) and the corpus's other tables. */
export const ASSET = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
export const ACCOUNT = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'
export const TRADE = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc'
export const VENUE = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee'
export const SOURCE = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd'
export const ACCOUNT_UID = 'a0000000-0000-4000-8000-000000000001'

/** A fresh registry for the legit corpus's tables (schema.sql). */
export function corpusRegistry(): MetaTableRegistry {
  return new MetaTableRegistry({ 'public.asset': ASSET, 'public.account': ACCOUNT, 'public.trade': TRADE, 'market.venue': VENUE })
}

/** Options every test shares: no environment, a data source. */
export const BASE = { dataSourceUid: SOURCE, env: {} } as const

/** The corpus tables, as Kysely sees them. */
export interface Database {
  'public.asset': { uid: string; account_uid: string; symbol: string; decimals: number | null; listed_on: string | null }
  'public.account': { uid: string; name: string; created_at: Date | null }
  'public.trade': { id: bigint; asset_uid: string | null; venue_id: number | null; qty: string | null; side: string; at: Date | null; raw: Uint8Array | null }
  'market.venue': { id: number; name: string }
  asset: Database['public.asset']
  account: Database['public.account']
  trade: Database['public.trade']
}

/** Kysely with the PostgreSQL compiler and no connection. */
export const kysely: Kysely<Database> = offlineKysely<Database>()

/** Knex compiling for PostgreSQL, with no connection. */
export const knex = knexFactory({ client: 'pg' })

const bytea = customType<{ data: Uint8Array }>({ dataType: () => 'bytea' })

/** The corpus tables, as Drizzle pg-core declares them. */
export const account = pgTable('account', { uid: uuid('uid').primaryKey(), name: text('name').notNull(), createdAt: timestamp('created_at', { withTimezone: true }) })
export const asset = pgTable('asset', {
  uid: uuid('uid').primaryKey(),
  accountUid: uuid('account_uid').notNull(),
  symbol: text('symbol').notNull(),
  decimals: integer('decimals'),
  listedOn: date('listed_on'),
})
export const trade = pgTable('trade', {
  id: bigint('id', { mode: 'bigint' }).primaryKey(),
  assetUid: uuid('asset_uid'),
  venueId: integer('venue_id'),
  side: text('side'),
  at: timestamp('at', { withTimezone: true }),
  raw: bytea('raw'),
})
export const venue = pgSchema('market').table('venue', { id: integer('id').primaryKey(), name: text('name').notNull() })

/** Drizzle over a proxy that is never called: queries are only compiled. */
export const drizzleDb = drizzle(async () => {
  throw new Error('these tests only compile queries')
})

/**
 * Asserts what every adapter owes for a compiled query: the envelope passes
 * the protocol validator, and its pyformat SQL maps back, by the independent
 * `fromPyformat`, to exactly the `$n` SQL the builder compiled, `%(pN)s` for
 * `$N`; the parameters are the builder's values in order.
 */
export function expectCompiledFrom(envelope: CompiledSqlOperation, builderSql: string, builderValues: readonly unknown[]): void {
  expect(validateOperation(envelope).ok).toBe(true)
  const names = Object.keys(envelope.statement.parameters as Record<string, unknown>)
  expect(names).toEqual(builderValues.map((_, i) => `p${i + 1}`))
  expect(fromPyformat(envelope.statement.sql, new Map(names.map((name, i) => [name, i + 1])))).toBe(builderSql)
  expect(envelope.statement.sql).not.toMatch(/\$\d/)
}
