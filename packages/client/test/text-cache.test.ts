import { describe, expect, it } from 'vitest'
import { TextCache } from '../src/cache/text-cache.js'
import { encodeParameters } from '../src/parameters/encode-parameters.js'
import { toPyformat } from '../src/placeholders/to-pyformat.js'

describe('TextCache', () => {
  it('keeps at most its capacity, evicting the oldest text first', () => {
    const cache = new TextCache<number>(2)
    cache.set('a', 1)
    cache.set('b', 2)
    cache.set('c', 3)
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([undefined, 2, 3, 2])
  })
})

describe('toPyformat caching by SQL text', () => {
  it('returns the same frozen rewrite for the same text', () => {
    const text = 'SELECT $1 AS "cached $2", $2 -- $3'
    const first = toPyformat(text)
    expect(toPyformat(`${text}`)).toBe(first)
    expect(Object.isFrozen(first) && Object.isFrozen(first.placeholders)).toBe(true)
  })

  it('does not share a rewrite made with custom names', () => {
    const text = 'SELECT $1 AS custom_names_case'
    expect(toPyformat(text, { names: ['symbol'] }).sql).toBe('SELECT %(symbol)s AS custom_names_case')
    expect(toPyformat(text).sql).toBe('SELECT %(p1)s AS custom_names_case')
  })
})

describe('encodeParameters fast path', () => {
  it('keeps a parameter named __proto__ as a key, without reading a type from Object.prototype', () => {
    const input = JSON.parse('{"__proto__": "x", "n": 1}') as Record<string, unknown>
    const { parameters } = encodeParameters(input)
    expect(Object.keys(parameters)).toEqual(['__proto__', 'n'])
    expect(Object.getPrototypeOf(parameters)).toBe(Object.prototype)
    expect(JSON.stringify(parameters)).toBe('{"__proto__":"x","n":1}')
  })

  it('still encodes typed and non-scalar values next to plain ones', () => {
    const encoded = encodeParameters({ s: 'a', n: 2, b: 10n, d: new Date('2026-05-28T00:00:00Z') }, { s: 'text' })
    expect(encoded).toEqual({ parameters: { s: 'a', n: 2, b: '10', d: '2026-05-28T00:00:00.000Z' }, parameterTypes: { s: 'text', b: 'int64', d: 'timestamp with time zone' } })
  })
})
