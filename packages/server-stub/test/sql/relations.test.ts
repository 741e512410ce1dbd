import { describe, expect, it } from 'vitest'
import { accepted, analyze, refused, scoped } from './support.js'

describe('relation resolution', () => {
  it('resolves an unqualified name through the first schema of the search path (Drizzle writes "trade")', async () => {
    await accepted('SELECT "trade"."id" FROM "trade"')
  })

  it('does not look past the first schema of the search path', async () => {
    const error = await refused('SELECT * FROM venue', { searchPath: ['public', 'market'] })
    expect(error).toMatchObject({ code: 'relation_not_in_scope', details: { relation: 'venue' } })
  })

  it('resolves through another first schema when the search path says so', async () => {
    await accepted('SELECT * FROM venue', { searchPath: ['market', 'public'] })
    expect((await refused('SELECT * FROM trade', { searchPath: ['market', 'public'] })).code).toBe('relation_not_in_scope')
  })

  it('resolves nothing unqualified with an empty search path', async () => {
    expect((await refused('SELECT * FROM trade', { searchPath: [] })).code).toBe('relation_not_in_scope')
  })

  it('matches schema and table exactly: a quoted mixed-case name is another table', async () => {
    expect((await refused('SELECT * FROM public."Trade"')).code).toBe('relation_not_in_scope')
    await accepted('SELECT * FROM PUBLIC.TRADE')
  })

  it('ignores the scope alias: PostgreSQL resolves names, so an alias resolves nothing by itself', async () => {
    const scope = [scoped('public.asset', 'read', 'a')]
    await accepted('SELECT a.uid FROM public.asset AS a', { scope })
    await accepted('SELECT b.uid FROM public.asset AS b', { scope })
    expect((await refused('SELECT * FROM a', { scope })).code).toBe('relation_not_in_scope')
  })

  it('allows system columns of a scoped table', async () => {
    await accepted('SELECT t.xmax, t.ctid, t.tableoid FROM trade t')
  })

  it('treats a pg_ name that is unqualified as a catalog even when the search path would find a table', async () => {
    const scope = [scoped('public.pg_stats_copy')]
    expect((await refused('SELECT * FROM pg_stats_copy', { scope })).code).toBe('catalog_access_not_allowed')
    await accepted('SELECT * FROM public.pg_stats_copy', { scope })
  })

  it('refuses pg_toast and pg_temp schemas as catalogs', async () => {
    expect((await refused('SELECT * FROM pg_toast.pg_toast_1')).code).toBe('catalog_access_not_allowed')
    expect((await refused('SELECT * FROM pg_temp.trade')).code).toBe('catalog_access_not_allowed')
  })
})

describe('CTE scoping', () => {
  it('lets a query see its own CTEs', async () => {
    await accepted('WITH secret AS (SELECT id FROM trade) SELECT * FROM secret')
  })

  it('lets a later CTE see an earlier one', async () => {
    await accepted('WITH a AS (SELECT id FROM trade), b AS (SELECT * FROM a) SELECT * FROM b')
  })

  it('does not let a non-recursive CTE see itself: the name inside is the table', async () => {
    await accepted('WITH trade AS (SELECT * FROM trade) SELECT * FROM trade')
    expect((await refused('WITH secret AS (SELECT * FROM secret) SELECT * FROM secret')).code).toBe('relation_not_in_scope')
  })

  it('lets a recursive CTE see itself and a later sibling', async () => {
    await accepted(
      'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3), b AS (SELECT * FROM c), c AS (SELECT id FROM trade) SELECT * FROM r, b',
    )
  })

  it('keeps a CTE of a sub-select inside it', async () => {
    await accepted('SELECT * FROM (WITH secret AS (SELECT 1 AS x) SELECT * FROM secret) s')
    expect(
      (await refused('SELECT * FROM (WITH secret AS (SELECT 1 AS x) SELECT * FROM secret) s WHERE EXISTS (SELECT 1 FROM secret)')).code,
    ).toBe('relation_not_in_scope')
  })

  it('lets a CTE be seen from sub-selects of its query', async () => {
    await accepted('WITH secret AS (SELECT id FROM trade) SELECT * FROM trade WHERE id IN (SELECT id FROM secret)')
  })

  it('lets the CTEs of an INSERT be read in its SELECT and its RETURNING', async () => {
    await accepted('WITH src AS (SELECT id FROM trade) INSERT INTO trade (id) SELECT id FROM src RETURNING (SELECT count(*) FROM src)', {
      operation: 'insert',
    })
  })

  it('lets UPDATE ... FROM and DELETE ... USING read a CTE', async () => {
    await accepted('WITH s AS (SELECT uid FROM asset) UPDATE trade SET qty = 0 FROM s WHERE s.uid = trade.asset_uid', {
      operation: 'update',
    })
    await accepted('WITH s AS (SELECT uid FROM asset) DELETE FROM trade USING s WHERE s.uid = trade.asset_uid', { operation: 'delete' })
  })

  it('never lets a CTE name stand for a schema-qualified table', async () => {
    const error = await refused('WITH venue AS (SELECT 1) SELECT * FROM public.venue')
    expect(error).toMatchObject({ code: 'relation_not_in_scope', details: { relation: 'public.venue' } })
  })
})

describe('writes', () => {
  it('reports the written MetaTable', async () => {
    const result = await accepted('UPDATE trade SET qty = 0 FROM asset WHERE asset.uid = trade.asset_uid', { operation: 'update' })
    expect(result.writes).toEqual(['public.trade'])
  })

  it('reports nothing written for a read', async () => {
    expect((await accepted('SELECT * FROM trade')).writes).toEqual([])
  })

  it('refuses a write to a table scoped for reading, naming it', async () => {
    const error = await refused('INSERT INTO public.asset (uid) VALUES (%(u)s)', { operation: 'insert' })
    expect(error).toMatchObject({ code: 'write_not_in_scope', details: { relation: 'public.asset' }, position: 13 })
  })

  it('refuses a write to an unscoped table as out of scope', async () => {
    expect((await refused('DELETE FROM secret', { operation: 'delete' })).code).toBe('relation_not_in_scope')
  })

  it('accepts a locking sub-select in a write when every locked table is writable', async () => {
    await accepted('UPDATE trade SET qty = 0 WHERE id = (SELECT id FROM trade ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)', {
      operation: 'update',
    })
  })

  it('refuses a locking sub-select in a write that locks a read-scoped table, even through FOR UPDATE OF', async () => {
    const sql = 'UPDATE trade SET qty = 0 WHERE id IN (SELECT t.id FROM trade t JOIN asset a ON a.uid = t.asset_uid FOR UPDATE OF t)'
    expect((await refused(sql, { operation: 'update' })).code).toBe('write_not_in_scope')
  })

  it('maps two MetaTables on one table to one resolution that writes through the writable one', async () => {
    const scope = [scoped('public.trade', 'read'), { ...scoped('public.trade', 'write'), metaTableUid: 'trade-writer' }]
    const result = await analyze('DELETE FROM trade', { operation: 'delete', scope })
    expect(result.ok && result.writes).toEqual(['trade-writer'])
  })
})
