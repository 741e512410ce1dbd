import { LosslessNumber } from 'lossless-json'
import { describe, expect, it } from 'vitest'
import { canonicalDecimal } from '../src/server/decimal.js'
import { expectationProblems, type Observation } from '../src/server/check-expectation.js'
import { parseExact } from '../src/server/exact-json.js'
import { followPages, type PageAnswer } from '../src/server/follow-pages.js'
import { exactMismatch, subsetMismatch } from '../src/server/match-json.js'

const exact = (digits: string) => new LosslessNumber(digits)

describe('canonicalDecimal', () => {
  it.each([
    ['2.50', '2.5'],
    ['25e-1', '2.5'],
    ['-0', '0'],
    ['0.00100', '0.001'],
    ['1e21', '1000000000000000000000'],
    ['100', '100'],
    ['-12.5E+2', '-1250'],
  ])('spells %s as %s', (input, canonical) => {
    expect(canonicalDecimal(exact(input))).toBe(canonical)
  })

  it('keeps integers beyond 2^53 apart, where doubles would merge them', () => {
    expect(canonicalDecimal(exact('9007199254740993'))).not.toBe(canonicalDecimal(exact('9007199254740992')))
    expect(Number('9007199254740993')).toBe(Number('9007199254740992'))
  })
})

describe('JSON matching', () => {
  const actual = parseExact('{"rows": [{"id": 9007199254740993, "px": 2.50}], "pagination": {"limit": 10, "offset": 0}, "extra": true}')

  it('reads numbers exactly and compares them by decimal value', () => {
    expect(subsetMismatch({ rows: [{ id: exact('9007199254740993'), px: 2.5 }] }, actual, 'body')).toBeUndefined()
    expect(subsetMismatch({ rows: [{ id: exact('9007199254740992') }] }, actual, 'body')).toBe('body.rows[0].id: expected 9007199254740992, got 9007199254740993')
  })

  it('lets a subset leave members out, but not an exact match', () => {
    expect(subsetMismatch({ pagination: { limit: 10 } }, actual, 'body')).toBeUndefined()
    expect(exactMismatch({ limit: 10 }, (actual as { pagination: unknown }).pagination, 'pagination')).toBe('pagination.offset: not expected (0)')
  })

  it('requires arrays of the same length, item by item', () => {
    expect(subsetMismatch({ rows: [] }, actual, 'body')).toBe('body.rows: expected 0 items, got 1')
    expect(subsetMismatch({ missing: 1 }, actual, 'body')).toBe('body.missing: missing')
  })
})

describe('expectationProblems', () => {
  const observed = (body: unknown, extra: Partial<Observation> = {}): Observation => ({ status: 200, headers: { 'retry-after': '7' }, body, text: JSON.stringify(body), route: 'execute', ...extra })

  it('accepts an allowed status and code from lists', () => {
    const body = { ok: false, error: { code: 'invalid_json' } }
    expect(expectationProblems({ status: [400, 401], codes: ['unauthenticated', 'invalid_json'] }, observed(body, { status: 400 }))).toEqual([])
    expect(expectationProblems({ status: 401, code: 'unauthenticated' }, observed(body, { status: 400 }))).toEqual([
      'status 400, expected 401',
      'error code "invalid_json", expected unauthenticated',
    ])
  })

  it('compares rows in order, in any order, or by inclusion', () => {
    const body = { rows: [{ n: 1 }, { n: 2 }], row_count: 2 }
    expect(expectationProblems({ status: 200, rows_unordered: [{ n: 2 }, { n: 1 }], rows_include: [{ n: 2 }], row_count: 2 }, observed(body))).toEqual([])
    expect(expectationProblems({ status: 200, rows: [{ n: 2 }, { n: 1 }] }, observed(body))).toEqual(['rows[0].n: expected 2, got 1'])
    expect(expectationProblems({ status: 200, rows_include: [{ n: 3 }] }, observed(body))).toEqual(['rows lack {"n":3}'])
  })

  it('reads run_query rows from results', () => {
    expect(expectationProblems({ status: 200, rows: [{ r: 1 }] }, observed({ results: [{ r: 1 }] }, { route: 'run_query' }))).toEqual([])
  })

  it('checks header patterns, issues and text the body must not hold', () => {
    const body = { ok: false, error: { code: 'missing_field', details: { issues: [{ code: 'missing_field', instancePath: '/scope' }] }, message: 'value 42 rejected' } }
    expect(expectationProblems({ status: 200, headers: { 'retry-after': '^[1-9][0-9]*$' }, issues: [{ code: 'missing_field', instancePath: '/scope' }] }, observed(body))).toEqual([])
    expect(expectationProblems({ status: 200, headers: { 'x-request-id': '.' }, issues: [{ code: 'missing_field', instancePath: '' }], text_excludes: ['42'] }, observed(body))).toEqual([
      'header x-request-id is missing, expected to match .',
      'error.details.issues lack missing_field at (root)',
      'the body contains "42"',
    ])
  })
})

describe('followPages', () => {
  /** A server of `total` rows with a page cap: the answer to an envelope, computed from its limits. */
  function pagedServer(total: number, cap: number) {
    const sent: Array<[number, number]> = []
    const send = (request: { json?: unknown }): Promise<PageAnswer> => {
      const { offset, max_rows: maxRows } = (request.json as { limits: { offset: number; max_rows: number } }).limits
      sent.push([offset, maxRows])
      const limit = Math.min(cap, maxRows)
      const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({ n: offset + i }))
      const hasMore = offset + rows.length < total
      return Promise.resolve({ status: 200, body: { rows, pagination: { limit, offset, returned_count: rows.length, has_more: hasMore, next_offset: hasMore ? offset + rows.length : null } } })
    }
    return { sent, send }
  }
  const envelope = (maxRows: number, offset = 0) => ({ path: '/x', json: { operation: 'select', limits: { max_rows: maxRows, offset } } })

  it('sends (0,5), (2,3), (4,1) for max_rows 5 against a page cap of 2, as the upstream SDK does', async () => {
    const server = pagedServer(10, 2)
    const walk = await followPages(envelope(5), server.send)
    expect(walk.pages).toEqual([[0, 5], [2, 3], [4, 1]])
    expect(server.sent).toEqual([[0, 5], [2, 3], [4, 1]])
    expect(walk.merged).toMatchObject({ row_count: 5, truncated: true, pagination: { limit: 5, offset: 0, returned_count: 5, has_more: true, next_offset: 5 } })
    expect((walk.merged?.rows as unknown[]).length).toBe(5)
  })

  it('stops at the last page when fewer rows exist than max_rows', async () => {
    const walk = await followPages(envelope(1000, 3), pagedServer(7, 2).send)
    expect(walk.pages).toEqual([[3, 1000], [5, 998]])
    expect(walk.merged).toMatchObject({ row_count: 4, truncated: false, pagination: { has_more: false, next_offset: null, offset: 3 } })
  })

  it('stops without a merged result at a page that is not a 200 select page', async () => {
    let calls = 0
    const walk = await followPages(envelope(10), () => Promise.resolve(calls++ === 0 ? { status: 200, body: { rows: [1], pagination: { has_more: true, next_offset: 1 } } } : { status: 503, body: {} }))
    expect([walk.pages.length, walk.merged]).toEqual([2, undefined])
  })
})
