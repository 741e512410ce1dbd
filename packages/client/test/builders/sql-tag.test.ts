import { describe, expect, it } from 'vitest'
import { compileFragment, fromSql, fromSqlSync, sql } from '../../src/sql.js'
import { buildErrorOf } from '../catch-build-error.js'
import { ACCOUNT, ACCOUNT_UID, ASSET, BASE, corpusRegistry, expectCompiledFrom, SOURCE } from './seed.js'

const seedScope = { tables: [{ metaTableUid: ASSET, alias: 'asset' }, { metaTableUid: ACCOUNT, alias: 'account' }] }

/** The seed's Asset/Account query (compiled-sql-execution.txt), with the tag. */
const seedQuery = () =>
  sql`SELECT asset.uid, asset.symbol FROM public.asset AS asset JOIN public.account AS account ON asset.account_uid = account.uid
      WHERE account.uid = ${ACCOUNT_UID} AND asset.symbol ILIKE ${'%BTC%'}`

describe('sql tag', () => {
  it('compiles values to $n and splices nested fragments', () => {
    const symbols = sql.join(['BTC', 'ETH'])
    const compiled = compileFragment(sql`SELECT uid FROM ${sql.identifier('public', 'asset')} WHERE symbol IN (${symbols}) AND decimals > ${8}`)
    expect(compiled).toEqual({ sql: 'SELECT uid FROM "public"."asset" WHERE symbol IN ($1, $2) AND decimals > $3', values: ['BTC', 'ETH', 8] })
  })

  it('quotes identifiers so that a name cannot close its quotes', () => {
    expect(compileFragment(sql`SELECT 1 FROM ${sql.identifier('we"ird')}`).sql).toBe('SELECT 1 FROM "we""ird"')
    expect(() => sql.identifier('')).toThrow(TypeError)
  })

  it('refuses a value inside a string, a comment or a word, and a literal $n', async () => {
    for (const fragment of [sql`SELECT '%${'x'}%'`, sql`SELECT 1 -- ${'x'}`, sql`SELECT a${'x'}`]) {
      const error = await buildErrorOf(() => compileFragment(fragment))
      expect([error.code, error.path]).toEqual(['invalid_value', '/statement/sql'])
    }
    const error = await buildErrorOf(() => compileFragment(sql`SELECT $1, ${'x'}`))
    expect(error.message).toContain('never as $n')
  })
})

describe('fromSql', () => {
  it('builds the seed query into a valid envelope with the declared scope', async () => {
    const compiled = compileFragment(seedQuery())
    const envelope = await fromSql(seedQuery(), { operation: 'select', scope: seedScope, ...BASE })
    expectCompiledFrom(envelope, compiled.sql, compiled.values)
    expect(envelope.statement.parameters).toEqual({ p1: ACCOUNT_UID, p2: '%BTC%' })
    expect(envelope.scope).toEqual({
      data_source_uid: SOURCE,
      tables: [
        { meta_table_uid: ASSET, alias: 'asset', access: 'read' },
        { meta_table_uid: ACCOUNT, alias: 'account', access: 'read' },
      ],
    })
  })

  it('needs operation and scope: the tag infers neither, a registry alone is not enough', async () => {
    expect((await buildErrorOf(() => fromSqlSync(seedQuery(), { scope: seedScope, ...BASE }))).path).toBe('/operation')
    const error = await buildErrorOf(() => fromSqlSync(seedQuery(), { operation: 'select', registry: corpusRegistry(), ...BASE }))
    expect([error.code, error.path]).toEqual(['missing_field', '/scope/tables'])
  })

  it('writes a literal % as %% and keeps $n inside strings untouched', () => {
    const envelope = fromSqlSync(sql`SELECT name FROM public.account WHERE name LIKE '100%' AND note <> '$1' AND uid = ${ACCOUNT_UID}`, {
      operation: 'select',
      scope: { tables: [{ metaTableUid: ACCOUNT }] },
      ...BASE,
    })
    expect(envelope.statement.sql).toBe("SELECT name FROM public.account WHERE name LIKE '100%%' AND note <> '$1' AND uid = %(p1)s")
  })

  it('encodes Date, bigint and byte values with their types, and a date by its declared type', () => {
    const at = new Date(Date.UTC(2024, 1, 20, 10, 0, 1))
    const envelope = fromSqlSync(
      sql`INSERT INTO public.trade (id, at, raw) SELECT ${9007199254740993n}, ${at}, ${new Uint8Array([0xde, 0xad, 0xbe, 0xef])} WHERE ${at}::date >= ${at}`,
      { operation: 'insert', scope: { tables: [{ metaTableUid: ASSET, access: 'write' }] }, parameterTypes: { p5: 'date' }, ...BASE },
    )
    expect(envelope.statement.parameters).toEqual({ p1: '9007199254740993', p2: '2024-02-20T10:00:01.000Z', p3: '3q2+7w==', p4: '2024-02-20T10:00:01.000Z', p5: '2024-02-20' })
    expect(envelope.statement.parameter_types).toEqual({ p1: 'int64', p2: 'timestamp with time zone', p3: 'bytes', p4: 'timestamp with time zone', p5: 'date' })
  })

  it('refuses undefined values, naming the parameter', async () => {
    const error = await buildErrorOf(() => fromSqlSync(sql`SELECT ${undefined}`, { operation: 'select', scope: { tables: [{ metaTableUid: ASSET }] }, ...BASE }))
    expect([error.code, error.path]).toEqual(['invalid_parameter_value', '/statement/parameters/p1'])
  })
})
