import { describe, expect, it } from 'vitest'
import { fromKnex, fromKnexSync, knexStatement, parseKnexTable } from '../../src/knex.js'
import { buildErrorOf } from '../catch-build-error.js'
import { ACCOUNT, ACCOUNT_UID, ASSET, BASE, corpusRegistry, expectCompiledFrom, knex, SOURCE, TRADE, VENUE } from './seed.js'

/** The seed's Asset/Account query (compiled-sql-execution.txt), in Knex. */
const seedQuery = () =>
  knex('public.asset as asset')
    .join('public.account as account', 'asset.account_uid', 'account.uid')
    .select('asset.uid', 'asset.symbol')
    .where('account.uid', ACCOUNT_UID)
    .where('asset.symbol', 'ilike', '%BTC%')

describe('parseKnexTable', () => {
  it('reads "schema.table as alias" and applies withSchema to unqualified names only', () => {
    expect(parseKnexTable('public.asset as a')).toEqual({ table: { schema: 'public', name: 'asset' }, alias: 'a' })
    expect(parseKnexTable('venue AS v', 'market')).toEqual({ table: { schema: 'market', name: 'venue' }, alias: 'v' })
    expect(parseKnexTable('public.asset', 'market')).toEqual({ table: { schema: 'public', name: 'asset' } })
  })
})

describe('fromKnex', () => {
  it('compiles the seed query into a valid envelope, with the joined table inferred', async () => {
    const native = seedQuery().toSQL().toNative()
    const envelope = await fromKnex(seedQuery(), { registry: corpusRegistry(), ...BASE })
    expectCompiledFrom(envelope, native.sql, native.bindings)
    expect(envelope.statement.parameters).toEqual({ p1: native.bindings[0], p2: native.bindings[1] })
    expect([envelope.operation, envelope.scope]).toEqual([
      'select',
      {
        data_source_uid: SOURCE,
        tables: [
          { meta_table_uid: ASSET, alias: 'asset', access: 'read' },
          { meta_table_uid: ACCOUNT, alias: 'account', access: 'read' },
        ],
      },
    ])
  })

  it('accepts toSQL() and toSQL().toNative(), which show no tables', async () => {
    const scope = { tables: [{ metaTableUid: ASSET, alias: 'asset' }, { metaTableUid: ACCOUNT, alias: 'account' }] }
    const fromBuilder = fromKnexSync(seedQuery(), { registry: corpusRegistry(), ...BASE })
    expect(fromKnexSync(seedQuery().toSQL(), { operation: 'select', scope, ...BASE })).toEqual(fromBuilder)
    expect(fromKnexSync(seedQuery().toSQL().toNative(), { operation: 'select', scope, ...BASE })).toEqual(fromBuilder)
    expect((await buildErrorOf(() => fromKnexSync(seedQuery().toSQL(), { operation: 'select', registry: corpusRegistry(), ...BASE }))).path).toBe('/scope/tables')
  })

  it('refuses a declared scope that omits the joined table', async () => {
    const error = await buildErrorOf(() => fromKnex(seedQuery(), { registry: corpusRegistry(), scope: { tables: [{ metaTableUid: ASSET }] }, ...BASE }))
    expect([error.code, error.path]).toEqual(['relation_not_in_scope', '/scope/tables'])
    expect(error.message).toContain('Do not omit joined tables from scope')
  })

  it('refuses an operation the query is not, and a write target declared for reading', async () => {
    expect((await buildErrorOf(() => fromKnexSync(seedQuery(), { registry: corpusRegistry(), operation: 'insert', ...BASE }))).code).toBe('statement_kind_mismatch')
    const update = knex('public.asset').update({ symbol: 'XBT' }).where('uid', ASSET)
    const error = await buildErrorOf(() => fromKnexSync(update, { registry: corpusRegistry(), scope: { tables: [{ metaTableUid: ASSET }] }, ...BASE }))
    expect([error.code, error.path]).toEqual(['write_not_in_scope', '/scope/tables/0/access'])
  })

  it('finds tables in callback and builder subqueries, unions and CTE bodies, and never counts a CTE name', () => {
    const query = knex
      .with('recent', (qb) => qb.select('asset_uid').from('public.trade').where('side', 'buy'))
      .select('asset.symbol')
      .from('recent')
      .join('asset', 'asset.uid', 'recent.asset_uid')
      .whereIn('asset.account_uid', function () {
        this.select('uid').from('public.account')
      })
      .union(knex.select('name').from('venue').withSchema('market'))
    const envelope = fromKnexSync(query, { registry: corpusRegistry(), ...BASE })
    expect(envelope.scope.tables.map((table) => table.meta_table_uid)).toEqual([TRADE, ASSET, ACCOUNT, VENUE])
  })

  it('tells an upsert (.merge()) from an insert (.ignore()), and scopes the target for writing', async () => {
    const row = { uid: ASSET, account_uid: ACCOUNT_UID, symbol: 'BTC' }
    const options = { registry: corpusRegistry(), ...BASE }
    const upsert = knex('public.asset').insert(row).onConflict('uid').merge()
    const ignore = knex('public.asset').insert(row).onConflict('uid').ignore()
    expect(fromKnexSync(upsert, options).operation).toBe('upsert')
    expect(fromKnexSync(ignore, options).operation).toBe('insert')
    expect(fromKnexSync(ignore, { ...options, operation: 'upsert' }).operation).toBe('upsert')
    expect((await buildErrorOf(() => fromKnexSync(upsert, { ...options, operation: 'insert' }))).code).toBe('statement_kind_mismatch')
    const remove = knex('public.trade').whereIn('asset_uid', knex('public.asset').select('uid')).del()
    expect(fromKnexSync(remove, options).scope.tables).toEqual([
      { meta_table_uid: TRADE, access: 'write' },
      { meta_table_uid: ASSET, access: 'read' },
    ])
  })

  it('asks for an explicit scope when raw SQL may name a table, but not for count(*)', async () => {
    const hidden = knex('public.asset').select('uid').whereRaw('exists (select 1 from public.trade where trade.asset_uid = asset.uid)')
    expect((await buildErrorOf(() => fromKnexSync(hidden, { registry: corpusRegistry(), ...BASE }))).path).toBe('/scope/tables')
    const rawTable = knex.select('*').from(knex.raw('??', ['public.trade']))
    expect((await buildErrorOf(() => fromKnexSync(rawTable, { registry: corpusRegistry(), ...BASE }))).path).toBe('/scope/tables')
    const harmless = knex('public.asset').select(knex.raw('count(*) as n'))
    expect(fromKnexSync(harmless, { registry: corpusRegistry(), ...BASE }).scope.tables).toEqual([{ meta_table_uid: ASSET, access: 'read' }])
  })

  it('compiles knex.raw with operation and scope, and keeps a literal % as %%', () => {
    const raw = knex.raw("select name from public.account where name like '100%' and uid = ?", [ACCOUNT_UID])
    const native = raw.toSQL().toNative()
    const envelope = fromKnexSync(raw, { operation: 'select', scope: { tables: [{ metaTableUid: ACCOUNT }] }, ...BASE })
    expectCompiledFrom(envelope, native.sql, native.bindings)
    expect(envelope.statement.sql).toContain("like '100%%'")
  })

  it('encodes Date, bigint and Buffer bindings with their types', () => {
    const at = new Date(Date.UTC(2024, 1, 20, 10, 0, 1))
    const insert = knex('public.trade').insert({ id: 9007199254740993n, side: 'buy', at, raw: Buffer.from([0xde, 0xad, 0xbe, 0xef]) })
    const statement = knexStatement(insert)
    const envelope = fromKnexSync(insert, { registry: corpusRegistry(), ...BASE })
    expectCompiledFrom(envelope, statement.sql, statement.values)
    const nameOf = (value: unknown): string => `p${statement.values.indexOf(value) + 1}`
    const parameters = envelope.statement.parameters as Record<string, unknown>
    const [id, raw] = [statement.values.find((v) => typeof v === 'bigint'), statement.values.find((v) => v instanceof Uint8Array)]
    expect([parameters[nameOf(id)], parameters[nameOf(at)], parameters[nameOf(raw)]]).toEqual(['9007199254740993', '2024-02-20T10:00:01.000Z', '3q2+7w=='])
    expect(envelope.statement.parameter_types).toEqual({ [nameOf(id)]: 'int64', [nameOf(at)]: 'timestamp with time zone', [nameOf(raw)]: 'bytes' })
  })

  it('refuses methods compiled-sql does not run', async () => {
    expect((await buildErrorOf(() => fromKnexSync(knex('public.asset').truncate(), { ...BASE }))).code).toBe('statement_not_allowed')
  })
})
