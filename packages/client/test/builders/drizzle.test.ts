import { and, eq, ilike, inArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { describe, expect, it } from 'vitest'
import { MetaTableRegistry } from '../../src/index.js'
import { drizzleStatement, drizzleTableName, fromDrizzle, fromDrizzleSync } from '../../src/drizzle.js'
import { buildErrorOf } from '../catch-build-error.js'
import { account, ACCOUNT, ACCOUNT_UID, asset, ASSET, BASE, drizzleDb, expectCompiledFrom, SOURCE, trade, TRADE, venue, VENUE } from './seed.js'

/** The registry, bound from the Drizzle table objects themselves. */
const registry = (): MetaTableRegistry =>
  new MetaTableRegistry()
    .bind(drizzleTableName(asset), ASSET)
    .bind(drizzleTableName(account), ACCOUNT)
    .bind(drizzleTableName(trade), TRADE)
    .bind(drizzleTableName(venue), VENUE)

/** The seed's Asset/Account query (compiled-sql-execution.txt), in Drizzle. */
const seedQuery = () =>
  drizzleDb
    .select({ uid: asset.uid, symbol: asset.symbol })
    .from(asset)
    .innerJoin(account, eq(asset.accountUid, account.uid))
    .where(and(eq(account.uid, ACCOUNT_UID), ilike(asset.symbol, '%BTC%')))

describe('fromDrizzle', () => {
  it('binds Drizzle tables by schema and original name', () => {
    expect([drizzleTableName(asset), drizzleTableName(venue), drizzleTableName(alias(asset, 'a'))]).toEqual([
      { name: 'asset' },
      { schema: 'market', name: 'venue' },
      { name: 'asset' },
    ])
  })

  it('compiles the seed query into a valid envelope, with the joined table inferred', async () => {
    const compiled = seedQuery().toSQL()
    const envelope = await fromDrizzle(seedQuery(), { registry: registry(), ...BASE })
    expectCompiledFrom(envelope, compiled.sql, compiled.params)
    expect(envelope.statement.parameters).toEqual({ p1: compiled.params[0], p2: compiled.params[1] })
    expect([envelope.operation, envelope.scope]).toEqual([
      'select',
      {
        data_source_uid: SOURCE,
        tables: [
          { meta_table_uid: ASSET, access: 'read' },
          { meta_table_uid: ACCOUNT, access: 'read' },
        ],
      },
    ])
  })

  it('refuses a declared scope that omits the joined table', async () => {
    const error = await buildErrorOf(() => fromDrizzle(seedQuery(), { registry: registry(), scope: { tables: [{ metaTableUid: ASSET }] }, ...BASE }))
    expect([error.code, error.path]).toEqual(['relation_not_in_scope', '/scope/tables'])
    expect(error.message).toContain('Do not omit joined tables from scope')
  })

  it('refuses an operation the query is not', async () => {
    const error = await buildErrorOf(() => fromDrizzle(seedQuery(), { registry: registry(), operation: 'update', ...BASE }))
    expect([error.code, error.path]).toEqual(['statement_kind_mismatch', '/operation'])
  })

  it('sees aliased tables, subqueries in WHERE and subqueries in FROM', () => {
    const a = alias(asset, 'a')
    const inner = drizzleDb.select({ uid: account.uid }).from(account).innerJoin(venue, sql`true`).as('inner')
    const query = drizzleDb
      .select({ symbol: a.symbol })
      .from(a)
      .innerJoin(inner, eq(inner.uid, a.accountUid))
      .where(inArray(a.uid, drizzleDb.select({ uid: trade.assetUid }).from(trade)))
    const envelope = fromDrizzleSync(query, { registry: registry(), ...BASE })
    expect(envelope.scope.tables).toEqual([
      { meta_table_uid: ASSET, alias: 'a', access: 'read' },
      { meta_table_uid: ACCOUNT, access: 'read' },
      { meta_table_uid: VENUE, access: 'read' },
      { meta_table_uid: TRADE, access: 'read' },
    ])
  })

  it('reads CTE bodies and never counts a CTE name', () => {
    const buys = drizzleDb.$with('buys').as(drizzleDb.select({ assetUid: trade.assetUid }).from(trade).where(eq(trade.side, 'buy')))
    const query = drizzleDb.with(buys).select({ symbol: asset.symbol }).from(buys).innerJoin(asset, eq(asset.uid, buys.assetUid))
    expect(fromDrizzleSync(query, { registry: registry(), ...BASE }).scope.tables.map((table) => table.meta_table_uid)).toEqual([TRADE, ASSET])
  })

  it('scopes the mutated table for writing: update … from, delete with a subquery', () => {
    const update = drizzleDb.update(trade).set({ side: 'sell' }).from(asset).where(and(eq(asset.uid, trade.assetUid), eq(asset.symbol, 'BTC')))
    expect(fromDrizzleSync(update, { registry: registry(), ...BASE }).scope.tables).toEqual([
      { meta_table_uid: TRADE, access: 'write' },
      { meta_table_uid: ASSET, access: 'read' },
    ])
    const remove = drizzleDb.delete(trade).where(inArray(trade.assetUid, drizzleDb.select({ uid: asset.uid }).from(asset).where(eq(asset.accountUid, ACCOUNT_UID))))
    const envelope = fromDrizzleSync(remove, { registry: registry(), ...BASE })
    expect([envelope.operation, envelope.scope.tables]).toEqual([
      'delete',
      [
        { meta_table_uid: TRADE, access: 'write' },
        { meta_table_uid: ASSET, access: 'read' },
      ],
    ])
  })

  it('tells an upsert (onConflictDoUpdate) from an insert (onConflictDoNothing)', async () => {
    const row = { uid: ASSET, accountUid: ACCOUNT_UID, symbol: 'BTC' }
    const upsert = drizzleDb.insert(asset).values(row).onConflictDoUpdate({ target: asset.uid, set: { symbol: 'XBT' } })
    const ignore = drizzleDb.insert(asset).values(row).onConflictDoNothing()
    const plain = drizzleDb.insert(asset).values(row)
    const options = { registry: registry(), ...BASE }
    expect([upsert, ignore, plain].map((query) => fromDrizzleSync(query, options).operation)).toEqual(['upsert', 'insert', 'insert'])
    expect(fromDrizzleSync(ignore, { ...options, operation: 'upsert' }).operation).toBe('upsert')
    expect((await buildErrorOf(() => fromDrizzleSync(upsert, { ...options, operation: 'insert' }))).code).toBe('statement_kind_mismatch')
    expect((await buildErrorOf(() => fromDrizzleSync(plain, { ...options, operation: 'upsert' }))).code).toBe('statement_kind_mismatch')
    expect(fromDrizzleSync(upsert, options).scope.tables).toEqual([{ meta_table_uid: ASSET, access: 'write' }])
  })

  it('asks for an explicit scope when a sql template may name a table', async () => {
    const query = drizzleDb.select({ uid: asset.uid }).from(asset).where(sql`${asset.uid} in (select asset_uid from trade)`)
    const error = await buildErrorOf(() => fromDrizzle(query, { registry: registry(), ...BASE }))
    expect([error.code, error.path]).toEqual(['missing_field', '/scope/tables'])
    const harmless = drizzleDb.select({ n: sql<number>`count(*)` }).from(asset)
    expect(fromDrizzleSync(harmless, { registry: registry(), ...BASE }).scope.tables).toEqual([{ meta_table_uid: ASSET, access: 'read' }])
  })

  it('compiles a sql template and toSQL() output, which need operation and scope; a literal % becomes %%', async () => {
    const raw = sql`select name from account where name like '100%' and uid = ${ACCOUNT_UID}`
    const scope = { tables: [{ metaTableUid: ACCOUNT }] }
    expect((await buildErrorOf(() => fromDrizzleSync(raw, { scope, ...BASE }))).path).toBe('/operation')
    const envelope = fromDrizzleSync(raw, { operation: 'select', scope, ...BASE })
    const compiled = drizzleStatement(raw)
    expectCompiledFrom(envelope, compiled.sql, compiled.values)
    expect(envelope.statement.sql).toContain("like '100%%'")
    const fromToSql = fromDrizzleSync(seedQuery().toSQL(), { operation: 'select', scope: { tables: [{ metaTableUid: ASSET }, { metaTableUid: ACCOUNT }] }, ...BASE })
    expect(fromToSql.statement).toEqual(fromDrizzleSync(seedQuery(), { registry: registry(), ...BASE }).statement)
    expect((await buildErrorOf(() => fromDrizzleSync(seedQuery().toSQL(), { operation: 'select', registry: registry(), ...BASE }))).path).toBe('/scope/tables')
  })

  it('encodes Date, bigint and byte values as Drizzle maps them', () => {
    const at = new Date(Date.UTC(2024, 1, 20, 10, 0, 1))
    const insert = drizzleDb.insert(trade).values({ id: 9007199254740993n, side: 'buy', at, raw: new Uint8Array([1, 2, 255]) })
    const compiled = insert.toSQL()
    const envelope = fromDrizzleSync(insert, { registry: registry(), ...BASE })
    expectCompiledFrom(envelope, compiled.sql, compiled.params)
    const parameters = Object.values(envelope.statement.parameters as Record<string, unknown>)
    // Drizzle maps a timestamp Date to text itself; bigint and bytes stay JS values and are encoded here.
    expect(parameters).toEqual(expect.arrayContaining(['9007199254740993', 'AQL/']))
    expect(Object.values(envelope.statement.parameter_types ?? {})).toEqual(expect.arrayContaining(['int64', 'bytes']))
  })
})
