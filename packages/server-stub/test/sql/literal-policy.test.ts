import { describe, expect, it } from 'vitest'
import { accepted, corpusCases, refused, scoped, sqlGuard } from './support.js'

const strict = { literalPolicy: 'strict' } as const

describe('the literal policy', () => {
  it.each([
    ["side = 'buy'", "SELECT id FROM trade WHERE side = 'buy'"],
    ["'buy' = side (constant first)", "SELECT id FROM trade WHERE 'buy' = side"],
    ['qty > 5', 'SELECT id FROM trade WHERE qty > 5'],
    ["a cast constant: at >= '2024-01-01'::date", "SELECT id FROM trade WHERE at >= '2024-01-01'::date"],
    ['a cast column: id::text = constant', "SELECT id FROM trade WHERE id::text = '7'"],
    ['LIKE', "SELECT id FROM trade WHERE side LIKE 'b%%'"],
    ['ILIKE', "SELECT id FROM trade WHERE side ILIKE 'B%%'"],
    ['SIMILAR TO', "SELECT id FROM trade WHERE side SIMILAR TO 'b%%'"],
    ['IN list', 'SELECT id FROM trade WHERE id IN (%(a)s, 2)'],
    ['BETWEEN', 'SELECT id FROM trade WHERE id BETWEEN %(a)s AND 10'],
    ['IS DISTINCT FROM', "SELECT id FROM trade WHERE side IS DISTINCT FROM 'buy'"],
    ['= ANY(ARRAY[...])', 'SELECT id FROM trade WHERE id = ANY(ARRAY[1, 2])'],
    ['CASE column WHEN constant', "SELECT CASE side WHEN 'buy' THEN 1 END FROM trade"],
    ['in a sub-select', "SELECT id FROM trade WHERE EXISTS (SELECT 1 FROM asset a WHERE a.symbol = 'BTC')"],
  ])('strict refuses %s', async (_what, sql) => {
    expect((await refused(sql, strict)).code).toBe('literal_comparison_not_allowed')
  })

  it('strict points at the constant', async () => {
    const sql = "SELECT id FROM trade WHERE side = 'buy'"
    expect((await refused(sql, strict)).position).toBe(sql.indexOf("'buy'") + 1)
  })

  it.each([
    ['a bound parameter', 'SELECT id FROM trade WHERE side = %(s)s'],
    ['IS NULL and = NULL', 'SELECT id FROM trade WHERE side IS NULL OR qty = NULL'],
    ['constants that compare no column', "SELECT id, 'k' AS kind, qty * 2 FROM trade WHERE %(a)s = 1 LIMIT 10"],
    ['a constant inside an expression', "SELECT id FROM trade WHERE qty = round(%(q)s, 2) AND at > %(t)s::timestamptz - interval '1 day'"],
    ['column against column', 'SELECT id FROM trade WHERE qty > venue_id'],
  ])('strict accepts %s', async (_what, sql) => {
    await accepted(sql, strict)
  })

  it('allow (the default) accepts constants compared with columns', async () => {
    await accepted("SELECT id FROM trade WHERE side = 'buy' AND qty > 5 AND id IN (1, 2)")
  })

  it('allow accepts the whole corpus and strict refuses the cases that compare a column with a constant', async () => {
    const guard = await sqlGuard()
    const refusedIds: string[] = []
    for (const c of corpusCases()) {
      const base = {
        sql: c.sql,
        operation: c.op,
        parameters: Array.isArray(c.parameters) ? ('positional' as const) : ('named' as const),
        scope: c.scope.map((e) => scoped(e.table, e.access)),
        searchPath: ['public'],
        grammar: 15 as const,
      }
      expect(guard.analyze({ ...base, literalPolicy: 'allow' }).ok).toBe(true)
      const result = guard.analyze({ ...base, literalPolicy: 'strict' })
      if (!result.ok) {
        expect(result.error.code).toBe('literal_comparison_not_allowed')
        refusedIds.push(c.id)
      }
    }
    // `WHERE ... t.qty < 1000` and `CASE WHEN side = 'buy'` are in the corpus; most cases bind everything.
    expect(refusedIds).toContain('hand-insert-with-readonly-cte')
    expect(refusedIds).toContain('hand-update-case-any')
    expect(refusedIds.length).toBeLessThan(20)
  })
})
