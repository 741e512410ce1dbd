import { describe, expect, it } from 'vitest'
import { corpusCases, scoped, sqlGuard } from './support.js'

const cases = corpusCases()

describe('the legit corpus', () => {
  it('has its 76 cases', () => {
    expect(cases.length).toBe(76)
  })

  describe.each([15, 18] as const)('on grammar %s', (grammar) => {
    it.each(cases.map((c) => [c.id, c] as const))('%s is accepted as what it claims to be', async (_id, c) => {
      const guard = await sqlGuard()
      const scope = c.scope.map((entry) => scoped(entry.table, entry.access))
      const result = guard.analyze({
        sql: c.sql,
        operation: c.op,
        parameters: Array.isArray(c.parameters) ? 'positional' : 'named',
        scope,
        searchPath: ['public'],
        literalPolicy: 'allow',
        grammar,
      })
      if (!result.ok) throw new Error(JSON.stringify(result.error))
      expect(result.statementKind).toBe(c.op)
      // Every value is used by a placeholder and every placeholder has a value.
      const names = Array.isArray(c.parameters) ? c.parameters.map((_, i) => String(i)) : Object.keys(c.parameters)
      expect(result.placeholders.map((p) => p.name).sort()).toEqual([...names].sort())
      expect(result.placeholders.map((p) => p.number)).toEqual(result.placeholders.map((_, i) => i + 1))
      expect(result.hints.map((h) => h.number)).toEqual(result.placeholders.map((p) => p.number))
      // The written MetaTable is the one the case scopes for writing; reads write nothing.
      expect(result.writes).toEqual(scope.filter((s) => s.access === 'write').map((s) => s.metaTableUid))
      if (c.op === 'select') expect(result.hasOrderBy).toBe(true) // every corpus read has a total ORDER BY
      expect(result.text).not.toContain('%(')
    })
  })

  /** The accepted analysis of one corpus read, under the PostgreSQL 15 policy. */
  async function analyzeRead(id: string) {
    const c = cases.find((x) => x.id === id)!
    const guard = await sqlGuard()
    const result = guard.analyze({
      sql: c.sql,
      operation: 'select',
      parameters: 'named',
      scope: c.scope.map((e) => scoped(e.table, e.access)),
      searchPath: ['public'],
      literalPolicy: 'allow',
      grammar: 15,
    })
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    return result
  }

  it('types only the direct arguments of concat as text (sa-string-functions)', async () => {
    const result = await analyzeRead('sa-string-functions')
    const anyNames = result.hints.filter((h) => h.anyArgument).map((h) => result.placeholders[h.number - 1]?.name)
    expect(anyNames).toEqual(['concat_1', 'concat_2'])
  })

  it('keeps the literal percent of hand-literal-percent-modulo and rewrites %% to %', async () => {
    const result = await analyzeRead('hand-literal-percent-modulo')
    expect(result.text).toContain('length(acc.name) % 5')
    expect(result.text).toContain("LIKE '100%'")
    expect(result.text).toContain('LIKE $1')
  })
})
