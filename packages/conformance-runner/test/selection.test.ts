import { describe, expect, it } from 'vitest'
import { compileIdPattern, select, UsageError } from '../src/index.js'

const ids = ['limits.max-rows-zero', 'limits.offset-negative', 'parameters.named.empty', 'parameters.positional', 'scope.tables-empty']
const pick = (selection: { run?: string[]; skip?: string[] }) => select(ids, (id) => id, selection)

describe('compileIdPattern', () => {
  it('matches an exact id and nothing else', () => {
    const pattern = compileIdPattern('limits.max-rows-zero')
    expect(ids.filter((id) => pattern.test(id))).toEqual(['limits.max-rows-zero'])
  })

  it('treats a group name as the whole group', () => {
    expect(pick({ run: ['parameters'] })).toEqual(['parameters.named.empty', 'parameters.positional'])
  })

  it('keeps * inside one segment and lets ** cross segments', () => {
    expect(compileIdPattern('parameters.*').test('parameters.named.empty')).toBe(true) // via the group rule
    expect(compileIdPattern('*.empty').test('parameters.named.empty')).toBe(false)
    expect(compileIdPattern('**.empty').test('parameters.named.empty')).toBe(true)
    expect(compileIdPattern('limits.*-zero').test('limits.max-rows-zero')).toBe(true)
    expect(compileIdPattern('limits.*-zero').test('limits.offset-negative')).toBe(false)
  })

  it('matches ? to exactly one character of a segment', () => {
    expect(compileIdPattern('scope.tables-empt?').test('scope.tables-empty')).toBe(true)
    expect(compileIdPattern('scope?tables-empty').test('scope.tables-empty')).toBe(false)
  })

  it('takes regular-expression characters literally', () => {
    expect(compileIdPattern('limits.max-rows-zer(o)?').test('limits.max-rows-zero')).toBe(false)
  })
})

describe('select', () => {
  it('runs everything when no --run is given, in the original order', () => {
    expect(pick({})).toEqual(ids)
  })

  it('unions --run patterns and subtracts --skip patterns', () => {
    expect(pick({ run: ['limits', 'scope'], skip: ['limits.offset-*'] })).toEqual(['limits.max-rows-zero', 'scope.tables-empty'])
  })

  it('rejects a --run pattern that matches no case, as a usage error', () => {
    expect(() => pick({ run: ['limitz'] })).toThrow(UsageError)
    expect(() => pick({ run: [''] })).toThrow(UsageError)
  })

  it('accepts a --skip pattern that matches nothing', () => {
    expect(pick({ skip: ['nothing.here'] })).toEqual(ids)
  })
})
