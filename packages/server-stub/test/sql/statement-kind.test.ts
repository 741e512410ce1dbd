import { describe, expect, it } from 'vitest'
import type { AnalyzedOperation } from '../../src/sql/analysis-types.js'
import { analyze } from './support.js'

const STATEMENTS = {
  select: 'SELECT id FROM trade ORDER BY id',
  setOperation: 'SELECT id FROM trade UNION SELECT decimals FROM asset',
  values: 'VALUES (1), (2)',
  withSelect: 'WITH t AS (SELECT id FROM trade) SELECT * FROM t',
  insert: 'INSERT INTO trade (id) VALUES (1)',
  insertDoNothing: 'INSERT INTO trade (id) VALUES (1) ON CONFLICT DO NOTHING',
  upsert: 'INSERT INTO trade (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET qty = excluded.qty',
  update: 'UPDATE trade SET qty = 2',
  delete: 'DELETE FROM trade WHERE id = 1',
  explain: 'EXPLAIN SELECT id FROM trade',
} as const

type Expected = 'ok' | 'statement_kind_mismatch' | 'statement_not_allowed'

/** What each operation accepts, statement by statement (the table of the protocol's step 6). */
// prettier-ignore
const MATRIX: Record<AnalyzedOperation, Record<keyof typeof STATEMENTS, Expected>> = {
  select: { select: 'ok', setOperation: 'ok', values: 'ok', withSelect: 'ok', insert: 'statement_kind_mismatch', insertDoNothing: 'statement_kind_mismatch', upsert: 'statement_kind_mismatch', update: 'statement_kind_mismatch', delete: 'statement_kind_mismatch', explain: 'statement_kind_mismatch' },
  insert: { select: 'statement_kind_mismatch', setOperation: 'statement_kind_mismatch', values: 'statement_kind_mismatch', withSelect: 'statement_kind_mismatch', insert: 'ok', insertDoNothing: 'ok', upsert: 'statement_kind_mismatch', update: 'statement_kind_mismatch', delete: 'statement_kind_mismatch', explain: 'statement_kind_mismatch' },
  upsert: { select: 'statement_kind_mismatch', setOperation: 'statement_kind_mismatch', values: 'statement_kind_mismatch', withSelect: 'statement_kind_mismatch', insert: 'statement_kind_mismatch', insertDoNothing: 'ok', upsert: 'ok', update: 'statement_kind_mismatch', delete: 'statement_kind_mismatch', explain: 'statement_kind_mismatch' },
  update: { select: 'statement_kind_mismatch', setOperation: 'statement_kind_mismatch', values: 'statement_kind_mismatch', withSelect: 'statement_kind_mismatch', insert: 'statement_kind_mismatch', insertDoNothing: 'statement_kind_mismatch', upsert: 'statement_kind_mismatch', update: 'ok', delete: 'statement_kind_mismatch', explain: 'statement_kind_mismatch' },
  delete: { select: 'statement_kind_mismatch', setOperation: 'statement_kind_mismatch', values: 'statement_kind_mismatch', withSelect: 'statement_kind_mismatch', insert: 'statement_kind_mismatch', insertDoNothing: 'statement_kind_mismatch', upsert: 'statement_kind_mismatch', update: 'statement_kind_mismatch', delete: 'ok', explain: 'statement_kind_mismatch' },
  run_query: { select: 'ok', setOperation: 'ok', values: 'ok', withSelect: 'ok', insert: 'statement_not_allowed', insertDoNothing: 'statement_not_allowed', upsert: 'statement_not_allowed', update: 'statement_not_allowed', delete: 'statement_not_allowed', explain: 'ok' },
}

describe('statement kind against operation', () => {
  const rows = Object.entries(MATRIX).flatMap(([operation, row]) =>
    Object.entries(row).map(
      ([statement, expected]) => [operation as AnalyzedOperation, statement as keyof typeof STATEMENTS, expected] as const,
    ),
  )

  it.each(rows)('%s with %s → %s', async (operation, statement, expected) => {
    const result = await analyze(STATEMENTS[statement], { operation })
    if (expected === 'ok') {
      expect(result.ok).toBe(true)
    } else {
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe(expected)
    }
  })

  it.each([15, 18] as const)('points a second statement at its first character (grammar %s)', async (grammar) => {
    const sql = "SELECT 'é' FROM trade;\n  DELETE FROM trade"
    const result = await analyze(sql, { grammar })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'not_single_statement', position: [...sql.slice(0, sql.indexOf('DELETE'))].length + 1 },
    })
  })

  it('refuses SQL without a statement', async () => {
    for (const sql of ['   ', ';', '/* only a comment */']) {
      expect(await analyze(sql)).toMatchObject({ ok: false, error: { code: 'not_single_statement' } })
    }
  })

  it('reports the kind it found on a mismatch', async () => {
    const result = await analyze(STATEMENTS.insertDoNothing, { operation: 'delete' })
    expect(result).toMatchObject({ ok: false, error: { code: 'statement_kind_mismatch', details: { statement_kind: 'upsert' } } })
  })

  it('reports the parser node of a statement that is never allowed', async () => {
    const result = await analyze('ALTER TABLE trade ADD COLUMN x int', { operation: 'update' })
    expect(result).toMatchObject({ ok: false, error: { code: 'statement_not_allowed', details: { statement_kind: 'AlterTableStmt' } } })
  })

  it('names the statement kind in the result', async () => {
    const explain = await analyze(STATEMENTS.explain, { operation: 'run_query' })
    const upsert = await analyze(STATEMENTS.insertDoNothing, { operation: 'upsert' })
    const insert = await analyze(STATEMENTS.insertDoNothing, { operation: 'insert' })
    expect([explain, upsert, insert].map((r) => (r.ok ? r.statementKind : r.error.code))).toEqual(['explain', 'upsert', 'insert'])
  })

  it('finds a top-level ORDER BY only at the top', async () => {
    const top = await analyze(STATEMENTS.select)
    const inner = await analyze('SELECT * FROM (SELECT id FROM trade ORDER BY id) s')
    const setOp = await analyze('SELECT id FROM trade UNION SELECT decimals FROM asset ORDER BY 1')
    expect([top, inner, setOp].map((r) => r.ok && r.hasOrderBy)).toEqual([true, false, true])
  })

  it('accepts the EXPLAIN options that do not execute', async () => {
    const result = await analyze('EXPLAIN (VERBOSE, COSTS false, FORMAT JSON) SELECT id FROM trade', { operation: 'run_query' })
    expect(result.ok).toBe(true)
  })

  it('refuses an EXPLAIN option it does not know', async () => {
    const result = await analyze('EXPLAIN (NOSUCHOPTION) SELECT id FROM trade', { operation: 'run_query' })
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported_syntax' } })
  })
})

describe('run_query takes raw SQL', () => {
  it('reads % as the modulo operator, not a placeholder', async () => {
    const result = await analyze('SELECT id % 3 AS m FROM trade', { operation: 'run_query' })
    expect(result.ok && result.text).toBe('SELECT id % 3 AS m FROM trade')
  })

  it('leaves %(name)s to the parser, which refuses it', async () => {
    const result = await analyze('SELECT id FROM trade WHERE id = %(id)s', { operation: 'run_query' })
    expect(result.ok ? 'ok' : result.error.code).toBe('sql_syntax_error')
  })
})
