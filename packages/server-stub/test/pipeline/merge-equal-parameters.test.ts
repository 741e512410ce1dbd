import { describe, expect, it } from 'vitest'
import { isUnprovableGroupBy, mergeEqualParameters } from '../../src/pipeline/merge-equal-parameters.js'
import { ProtocolError } from '../../src/pipeline/protocol-error.js'

describe('mergeEqualParameters', () => {
  it('maps later names with an equal value and type token to the first', () => {
    const values = new Map<string, unknown>([['p1', 'day'], ['p2', 5], ['p3', 'day'], ['p4', 'day']])
    expect(mergeEqualParameters(values, ['p1', 'p2', 'p3', 'p4'])).toEqual(new Map([['p3', 'p1'], ['p4', 'p1']]))
  })

  it('never merges NULLs, nor equal values of different type tokens', () => {
    const values = new Map<string, unknown>([['a', null], ['b', null], ['c', '2024-01-01'], ['d', '2024-01-01']])
    expect(mergeEqualParameters(values, ['a', 'b', 'c', 'd'], { c: 'date' })).toBeUndefined()
  })

  it('compares integers beyond 2^53 by every digit', () => {
    const values = new Map<string, unknown>([['x', 9007199254740993n], ['y', 9007199254740992n]])
    expect(mergeEqualParameters(values, ['x', 'y'])).toBeUndefined()
  })
})

describe('isUnprovableGroupBy', () => {
  it('recognizes 42803 only', () => {
    expect(isUnprovableGroupBy(new ProtocolError('query_error', 'x', { sqlstate: '42803' }))).toBe(true)
    expect(isUnprovableGroupBy(new ProtocolError('query_error', 'x', { sqlstate: '42883' }))).toBe(false)
  })
})
