import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { fromKysely, fromKyselySync, kyselyStatement } from '../../src/kysely.js'
import { buildErrorOf } from '../catch-build-error.js'
import { ACCOUNT, ACCOUNT_UID, ASSET, BASE, corpusRegistry, expectCompiledFrom, kysely, SOURCE, TRADE, VENUE } from './seed.js'

/** The seed's Asset/Account query (compiled-sql-execution.txt), in Kysely. */
const seedQuery = () =>
  kysely
    .selectFrom('public.asset as asset')
    .innerJoin('public.account as account', 'asset.account_uid', 'account.uid')
    .select(['asset.uid', 'asset.symbol'])
    .where('account.uid', '=', ACCOUNT_UID)
    .where('asset.symbol', 'ilike', '%BTC%')

describe('fromKysely', () => {
  it('compiles the seed query into a valid envelope, with the joined table inferred', async () => {
    const compiled = seedQuery().compile()
    const envelope = await fromKysely(seedQuery(), { registry: corpusRegistry(), ...BASE })
    expectCompiledFrom(envelope, compiled.sql, compiled.parameters)
    expect(envelope.operation).toBe('select')
    expect(envelope.statement.parameters).toEqual({ p1: compiled.parameters[0], p2: compiled.parameters[1] })
    expect(envelope.scope).toEqual({
      data_source_uid: SOURCE,
      tables: [
        { meta_table_uid: ASSET, alias: 'asset', access: 'read' },
        { meta_table_uid: ACCOUNT, alias: 'account', access: 'read' },
      ],
    })
  })

  it('accepts a CompiledQuery as well as the builder, with the same result', () => {
    const options = { registry: corpusRegistry(), ...BASE }
    expect(fromKyselySync(seedQuery().compile(), options)).toEqual(fromKyselySync(seedQuery(), options))
  })

  it('refuses a declared scope that omits the joined table, before anything is sent', async () => {
    const error = await buildErrorOf(() => fromKysely(seedQuery(), { registry: corpusRegistry(), scope: { tables: [{ metaTableUid: ASSET }] }, ...BASE }))
    expect([error.code, error.path]).toEqual(['relation_not_in_scope', '/scope/tables'])
    expect(error.message).toContain('Do not omit joined tables from scope')
    expect(error.message).toContain('public.account')
  })

  it('uses a declared scope that holds every referenced table as given', () => {
    const tables = [{ metaTableUid: ACCOUNT, alias: 'account' }, { metaTableUid: ASSET }]
    const envelope = fromKyselySync(seedQuery(), { registry: corpusRegistry(), scope: { tables }, ...BASE })
    expect(envelope.scope.tables).toEqual([
      { meta_table_uid: ACCOUNT, alias: 'account', access: 'read' },
      { meta_table_uid: ASSET, access: 'read' },
    ])
  })

  it('refuses an operation the query is not', async () => {
    const error = await buildErrorOf(() => fromKysely(seedQuery(), { registry: corpusRegistry(), operation: 'delete', ...BASE }))
    expect([error.code, error.path]).toEqual(['statement_kind_mismatch', '/operation'])
  })

  it('names a table the registry does not know, and how to bind it', async () => {
    const registry = corpusRegistry()
    const query = kysely.selectFrom('public.price' as 'public.asset').selectAll()
    const error = await buildErrorOf(() => fromKysely(query, { registry, ...BASE }))
    expect(error.code).toBe('relation_not_in_scope')
    expect(error.message).toContain("registry.bind('public.price'")
  })

  it('tells an upsert (DO UPDATE) from an insert (DO NOTHING), as the server does', async () => {
    const row = { uid: ASSET, account_uid: ACCOUNT_UID, symbol: 'BTC', decimals: 8, listed_on: null }
    const upsert = kysely.insertInto('public.asset').values(row).onConflict((oc) => oc.column('uid').doUpdateSet({ symbol: 'XBT' }))
    const ignore = kysely.insertInto('public.asset').values(row).onConflict((oc) => oc.column('uid').doNothing())
    const options = { registry: corpusRegistry(), ...BASE }
    expect(fromKyselySync(upsert, options).operation).toBe('upsert')
    expect(fromKyselySync(ignore, options).operation).toBe('insert')
    expect(fromKyselySync(ignore, { ...options, operation: 'upsert' }).operation).toBe('upsert')
    expect((await buildErrorOf(() => fromKyselySync(upsert, { ...options, operation: 'insert' }))).code).toBe('statement_kind_mismatch')
    expect(fromKyselySync(upsert, options).scope.tables).toEqual([{ meta_table_uid: ASSET, access: 'write' }])
  })

  it('scopes the mutated table for writing and the tables it reads for reading', () => {
    const options = { registry: corpusRegistry(), ...BASE }
    const update = kysely.updateTable('public.trade as t').set({ side: 'sell' }).from('public.asset as a').whereRef('a.uid', '=', 't.asset_uid').where('a.symbol', '=', 'BTC')
    expect(fromKyselySync(update, options).scope.tables).toEqual([
      { meta_table_uid: TRADE, alias: 't', access: 'write' },
      { meta_table_uid: ASSET, alias: 'a', access: 'read' },
    ])
    const remove = kysely.deleteFrom('public.trade').where('asset_uid', 'in', kysely.selectFrom('public.asset').select('uid').where('account_uid', '=', ACCOUNT_UID))
    const envelope = fromKyselySync(remove, options)
    expect([envelope.operation, envelope.scope.tables]).toEqual([
      'delete',
      [
        { meta_table_uid: TRADE, access: 'write' },
        { meta_table_uid: ASSET, access: 'read' },
      ],
    ])
  })

  it('finds tables in subqueries, set operations and CTE bodies, and never counts a CTE name', () => {
    const query = kysely
      .with('recent', (db) => db.selectFrom('public.trade').select('asset_uid').where('side', '=', 'buy'))
      .selectFrom('recent')
      .innerJoin('asset', 'asset.uid', 'recent.asset_uid')
      .select('asset.symbol')
      .union(kysely.selectFrom('market.venue').select('name as symbol'))
    const envelope = fromKyselySync(query, { registry: corpusRegistry(), ...BASE })
    expect(envelope.scope.tables.map((table) => table.meta_table_uid)).toEqual([TRADE, ASSET, VENUE])
  })

  it('reads an unqualified name as a CTE only where PostgreSQL does', () => {
    const registry = corpusRegistry()
    // "trade" in the second CTE and in the query is the first CTE; a qualified name is always the table.
    const shadowed = kysely
      .with('trade', (db) => db.selectFrom('public.account').select('uid'))
      .with('mine', (db) => db.selectFrom('trade').select('uid'))
      .selectFrom('mine')
      .innerJoin('public.asset as real', 'real.uid', 'mine.uid')
      .select('real.symbol')
    expect(fromKyselySync(shadowed, { registry, ...BASE }).scope.tables.map((table) => table.meta_table_uid)).toEqual([ACCOUNT, ASSET])
    // In a non-recursive WITH, a CTE's own body does not see its name: "trade" there is the table.
    const own = kysely.with('trade', (db) => db.selectFrom('trade').select('asset_uid as uid')).selectFrom('trade').select('uid')
    expect(fromKyselySync(own, { registry, ...BASE }).scope.tables.map((table) => table.meta_table_uid)).toEqual([TRADE])
  })

  it('reads the schema that the withSchema plugin writes', () => {
    const query = kysely.withSchema('market').selectFrom('venue' as 'asset').selectAll()
    expect(fromKyselySync(query, { registry: corpusRegistry(), ...BASE }).scope.tables).toEqual([{ meta_table_uid: VENUE, access: 'read' }])
  })

  it('asks for an explicit scope when a raw fragment may name a table', async () => {
    const query = kysely.selectFrom('public.asset').select('uid').where(sql<boolean>`exists (select 1 from public.trade where trade.asset_uid = asset.uid)`)
    const error = await buildErrorOf(() => fromKysely(query, { registry: corpusRegistry(), ...BASE }))
    expect([error.code, error.path]).toEqual(['missing_field', '/scope/tables'])
    const declared = { tables: [{ metaTableUid: ASSET }, { metaTableUid: TRADE }] }
    expect((await fromKysely(query, { registry: corpusRegistry(), scope: declared, ...BASE })).scope.tables).toHaveLength(2)
  })

  it('infers through raw fragments that name no table, such as count(*)', () => {
    const query = kysely.selectFrom('public.asset').select(sql<number>`count(*)`.as('n'))
    expect(fromKyselySync(query, { registry: corpusRegistry(), ...BASE }).scope.tables).toEqual([{ meta_table_uid: ASSET, access: 'read' }])
  })

  it('needs operation and scope for raw SQL, and keeps a literal % as %%', async () => {
    const raw = sql<{ n: number }>`select count(*) as n from public.account where name like '100%' and uid = ${ACCOUNT_UID}`.compile(kysely)
    expect((await buildErrorOf(() => fromKyselySync(raw, { scope: { tables: [{ metaTableUid: ACCOUNT }] }, ...BASE }))).path).toBe('/operation')
    expect((await buildErrorOf(() => fromKyselySync(raw, { operation: 'select', registry: corpusRegistry(), ...BASE }))).path).toBe('/scope/tables')
    const envelope = fromKyselySync(raw, { operation: 'select', scope: { tables: [{ metaTableUid: ACCOUNT }] }, ...BASE })
    expectCompiledFrom(envelope, raw.sql, raw.parameters)
    expect(envelope.statement.sql).toContain("like '100%%'")
  })

  it('encodes Date, bigint and byte values with their types', () => {
    const at = new Date(Date.UTC(2024, 1, 20, 10, 0, 1))
    const row = { id: 9007199254740993n, asset_uid: null, venue_id: 1, qty: '0.5', side: 'buy', at, raw: new Uint8Array([0xde, 0xad, 0xbe, 0xef]) }
    const insert = kysely.insertInto('public.trade').values(row).returning('id')
    const statement = kyselyStatement(insert)
    const envelope = fromKyselySync(insert, { registry: corpusRegistry(), ...BASE })
    const nameOf = (value: unknown): string => `p${statement.values.indexOf(value) + 1}`
    const parameters = envelope.statement.parameters as Record<string, unknown>
    expect([parameters[nameOf(row.id)], parameters[nameOf(at)], parameters[nameOf(row.raw)]]).toEqual(['9007199254740993', '2024-02-20T10:00:01.000Z', '3q2+7w=='])
    expect(envelope.statement.parameter_types).toEqual({ [nameOf(row.id)]: 'int64', [nameOf(at)]: 'timestamp with time zone', [nameOf(row.raw)]: 'bytes' })
  })

  it('refuses statements compiled-sql does not run', async () => {
    const error = await buildErrorOf(() => fromKyselySync(kysely.schema.createTable('x').addColumn('id', 'integer'), { ...BASE }))
    expect(error.code).toBe('statement_not_allowed')
  })

  it('takes the data source once: in the options or in scope', async () => {
    const error = await buildErrorOf(() =>
      fromKyselySync(seedQuery(), { registry: corpusRegistry(), dataSourceUid: SOURCE, scope: { dataSourceUid: SOURCE, tables: [{ metaTableUid: ASSET }, { metaTableUid: ACCOUNT }] } }),
    )
    expect([error.code, error.path]).toEqual(['invalid_value', '/scope/data_source_uid'])
  })

  it('resolves the data source through the async hook', async () => {
    const envelope = await fromKysely(seedQuery(), { registry: corpusRegistry(), env: {}, resolveDataSourceUid: async () => SOURCE })
    expect(envelope.scope.data_source_uid).toBe(SOURCE)
  })
})
