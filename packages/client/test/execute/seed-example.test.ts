import type { CompiledSqlOperation } from '@compiled-sql/protocol'
import { pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { and, eq, ilike } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import knexFactory from 'knex'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fromDrizzle } from '../../src/builders/drizzle/index.js'
import { fromKnex } from '../../src/builders/knex/index.js'
import { fromKysely } from '../../src/builders/kysely/index.js'
import { fromSql, sql } from '../../src/builders/sql-tag/index.js'
import { MetaTableClient, MetaTableRegistry, buildOperation } from '../../src/index.js'
import { offlineKysely } from '../support/offline-kysely.js'
import { DEMO, startStubServer, type StubServer } from '../support/stub-server.js'

// The seed's example (compiled-sql-execution.txt): assets of one account whose symbol matches %BTC%, joined to account.
const ACCOUNT_UID = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc'
const PATTERN = '%BTC%'
const HAND_WRITTEN = `SELECT asset.uid, asset.symbol FROM public.asset AS asset JOIN public.account AS account ON asset.account_uid = account.uid
  WHERE account.uid = '${ACCOUNT_UID}' AND asset.symbol ILIKE '${PATTERN}' ORDER BY asset.symbol`

interface SeedDatabase {
  'public.asset': { uid: string; account_uid: string; symbol: string }
  'public.account': { uid: string; name: string }
}

const kysely = offlineKysely<SeedDatabase>()
const asset = pgTable('asset', { uid: uuid('uid').primaryKey(), accountUid: uuid('account_uid').notNull(), symbol: text('symbol').notNull() })
const account = pgTable('account', { uid: uuid('uid').primaryKey(), name: text('name').notNull() })
const db = drizzle.mock()
const knex = knexFactory({ client: 'pg' })

const registry = new MetaTableRegistry({ 'public.asset': DEMO.assetUid, 'public.account': DEMO.accountUid })
const options = { registry, dataSourceUid: DEMO.dataSourceUid }

const BUILDERS: Record<string, () => Promise<CompiledSqlOperation>> = {
  kysely: () =>
    fromKysely(
      kysely
        .selectFrom('public.asset as asset')
        .innerJoin('public.account as account', 'asset.account_uid', 'account.uid')
        .select(['asset.uid', 'asset.symbol'])
        .where('account.uid', '=', ACCOUNT_UID)
        .where('asset.symbol', 'ilike', PATTERN)
        .orderBy('asset.symbol'),
      options,
    ),
  drizzle: () =>
    fromDrizzle(
      db
        .select({ uid: asset.uid, symbol: asset.symbol })
        .from(asset)
        .innerJoin(account, eq(asset.accountUid, account.uid))
        .where(and(eq(account.uid, ACCOUNT_UID), ilike(asset.symbol, PATTERN)))
        .orderBy(asset.symbol),
      options,
    ),
  knex: () =>
    fromKnex(
      knex('public.asset as asset')
        .join('public.account as account', 'asset.account_uid', 'account.uid')
        .select('asset.uid', 'asset.symbol')
        .where('account.uid', ACCOUNT_UID)
        .andWhereILike('asset.symbol', PATTERN)
        .orderBy('asset.symbol'),
      options,
    ),
  'sql tag': () =>
    fromSql(
      sql`SELECT asset.uid, asset.symbol FROM public.asset AS asset JOIN public.account AS account ON asset.account_uid = account.uid
        WHERE account.uid = ${ACCOUNT_UID} AND asset.symbol ILIKE ${PATTERN} ORDER BY asset.symbol`,
      { ...options, operation: 'select', scope: { tables: [{ metaTableUid: DEMO.assetUid }, { metaTableUid: DEMO.accountUid }] } },
    ),
}

let stub: StubServer
let client: MetaTableClient

beforeAll(async () => {
  stub = await startStubServer()
  client = new MetaTableClient({ endpoint: stub.url, token: DEMO.analystToken })
})

afterAll(async () => {
  await knex.destroy()
  await stub?.stop()
})

describe.each(Object.keys(BUILDERS))('the seed Asset/Account example with %s, end to end through the server-stub', (builder) => {
  it('declares both joined tables and returns the rows of the hand-written query', async () => {
    const envelope = await BUILDERS[builder]!()
    expect(envelope.scope.tables.map((table) => [table.meta_table_uid, table.access ?? 'read']).sort()).toEqual([
      [DEMO.assetUid, 'read'],
      [DEMO.accountUid, 'read'],
    ].sort())
    expect(envelope.statement.sql).toMatch(/%\(p1\)s/)
    const handWritten = await buildOperation({ operation: 'select', sql: HAND_WRITTEN.replaceAll('%', '%%'), scope: { dataSourceUid: DEMO.dataSourceUid, tables: [{ metaTableUid: DEMO.assetUid }, { metaTableUid: DEMO.accountUid }] } })
    const expected = (await client.executeOperation(handWritten)).rows
    expect(expected.length).toBeGreaterThan(1)
    const result = await client.executeOperation(envelope)
    expect(result.rows).toEqual(expected)
  })
})

describe('writes compiled by the builders, end to end', () => {
  it('inserts with Kysely, scoping the mutated table for write, and returns the RETURNING rows', async () => {
    const uid = 'cccccccc-cccc-4ccc-8ccc-200000000001'
    const envelope = await fromKysely(kysely.insertInto('public.account').values({ uid, name: 'Kysely Insert Ltd' }).returning(['uid', 'name']), options)
    expect([envelope.operation, envelope.scope.tables]).toEqual(['insert', [{ meta_table_uid: DEMO.accountUid, access: 'write' }]])
    const result = await client.executeOperation(envelope)
    expect(result.rows).toEqual([{ uid, name: 'Kysely Insert Ltd' }])
  })

  it('upserts with Drizzle onConflictDoUpdate as an upsert', async () => {
    const uid = 'cccccccc-cccc-4ccc-8ccc-200000000002'
    const upsert = () =>
      fromDrizzle(
        db.insert(account).values({ uid, name: 'Drizzle Upsert' }).onConflictDoUpdate({ target: account.uid, set: { name: 'Drizzle Upsert (again)' } }).returning({ name: account.name }),
        options,
      )
    const first = await upsert()
    expect(first.operation).toBe('upsert')
    expect((await client.executeOperation(first)).rows).toEqual([{ name: 'Drizzle Upsert' }])
    expect((await client.executeOperation(await upsert())).rows).toEqual([{ name: 'Drizzle Upsert (again)' }])
  })

  it('updates with Knex and reads the change back', async () => {
    const envelope = await fromKnex(knex('public.account').where('uid', ACCOUNT_UID).update({ name: 'Acme Capital (renamed)' }), options)
    expect([envelope.operation, (await client.executeOperation(envelope)).row_count]).toEqual(['update', 1])
    const read = await fromKnex(knex('public.account').select('name').where('uid', ACCOUNT_UID), options)
    expect((await client.executeOperation(read)).rows).toEqual([{ name: 'Acme Capital (renamed)' }])
  })
})
