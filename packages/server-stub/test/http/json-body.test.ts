import { describe, expect, it } from 'vitest'
import { parseJsonBody } from '../../src/http/json-body.js'

describe('parseJsonBody', () => {
  it('keeps integers beyond 2^53 exact for binding, and rounded ones for validation', () => {
    const body = parseJsonBody('{"p": 9007199254740993, "q": 1.5, "r": 12}')
    expect(body.value).toEqual({ p: 9007199254740992, q: 1.5, r: 12 })
    expect(body.exact).toEqual({ p: 9007199254740993n, q: 1.5, r: 12 })
  })

  it('keeps __proto__ as an own key, as JSON.parse does', () => {
    const body = parseJsonBody('{"__proto__": {"x": 1}, "n": 12345678901234567890}')
    expect(Object.keys(body.exact as object)).toEqual(['__proto__', 'n'])
  })

  it('answers invalid_json for a body that is not JSON', () => {
    expect(() => parseJsonBody('{"a":')).toThrow(expect.objectContaining({ code: 'invalid_json' }))
  })
})
