import { describe, expect, it } from 'vitest'
import { AnalysisCache, analysisCacheKey } from '../../src/sql/analysis-cache.js'
import type { AnalysisInput, AnalysisResult, SqlGuard } from '../../src/sql/analysis-types.js'
import { input, scoped, sqlGuard } from './support.js'

/** A guard that counts the analyses it really runs. */
async function countingGuard(): Promise<SqlGuard & { calls: number }> {
  const real = await sqlGuard()
  const counting = {
    calls: 0,
    analyze(value: AnalysisInput): AnalysisResult {
      counting.calls++
      return real.analyze(value)
    },
  }
  return counting
}

describe('the analysis cache', () => {
  it('answers a repeated input from the cache with the same result', async () => {
    const guard = await countingGuard()
    const cache = new AnalysisCache(guard, 10)
    const first = cache.analyze(input('SELECT id FROM trade WHERE id = %(id)s'))
    const second = cache.analyze(input('SELECT id FROM trade WHERE id = %(id)s'))
    expect(second).toBe(first)
    expect(guard.calls).toBe(1)
  })

  it('caches refusals too', async () => {
    const guard = await countingGuard()
    const cache = new AnalysisCache(guard, 10)
    cache.analyze(input('SELECT * FROM secret'))
    const again = cache.analyze(input('SELECT * FROM secret'))
    expect(again.ok).toBe(false)
    expect(guard.calls).toBe(1)
  })

  it.each<[string, Partial<AnalysisInput>]>([
    ['operation', { operation: 'run_query' }],
    ['parameter shape', { parameters: 'positional' }],
    ['grammar', { grammar: 15 }],
    ['literal policy', { literalPolicy: 'strict' }],
    ['search path', { searchPath: ['market'] }],
    ['scope access', { scope: [scoped('public.trade', 'read')] }],
    ['scope uid', { scope: [{ ...scoped('public.trade', 'write'), metaTableUid: 'other' }] }],
    ['scope alias', { scope: [scoped('public.trade', 'write', 't')] }],
  ])('keys on the %s', async (_field, change) => {
    const base = input('UPDATE trade SET qty = 1', { operation: 'update', scope: [scoped('public.trade', 'write')] })
    expect(analysisCacheKey({ ...base, ...change })).not.toBe(analysisCacheKey(base))
  })

  it('never confuses a write scope with a read scope of the same text', async () => {
    const cache = new AnalysisCache(await sqlGuard(), 10)
    const sql = 'UPDATE trade SET qty = 1'
    const writable = cache.analyze(input(sql, { operation: 'update', scope: [scoped('public.trade', 'write')] }))
    const readable = cache.analyze(input(sql, { operation: 'update', scope: [scoped('public.trade', 'read')] }))
    expect([writable.ok, readable.ok]).toEqual([true, false])
  })

  it('cannot be fooled by field contents that look like separators', () => {
    const a = input('x', { scope: [{ ...scoped('public.t'), metaTableUid: 'a1:b' }] })
    const b = input('x', { scope: [{ ...scoped('public.t'), metaTableUid: 'a' }] })
    expect(analysisCacheKey(a)).not.toBe(analysisCacheKey(b))
  })

  it('is bounded and evicts the least recently used entry', async () => {
    const guard = await countingGuard()
    const cache = new AnalysisCache(guard, 2)
    const a = input('SELECT 1 FROM trade')
    const b = input('SELECT 2 FROM trade')
    const c = input('SELECT 3 FROM trade')
    cache.analyze(a)
    cache.analyze(b)
    cache.analyze(a) // a is now the most recent
    cache.analyze(c) // evicts b
    expect(cache.size).toBe(2)
    const calls = guard.calls
    cache.analyze(a)
    expect(guard.calls).toBe(calls)
    cache.analyze(b)
    expect(guard.calls).toBe(calls + 1)
  })

  it('refuses a size below one', async () => {
    const guard = await sqlGuard()
    expect(() => new AnalysisCache(guard, 0)).toThrow(RangeError)
  })
})
