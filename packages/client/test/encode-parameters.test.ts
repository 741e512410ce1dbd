import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { encodeBase64, encodeParameters, normalizeTypeToken } from '../src/index.js'
import { buildErrorOf } from './catch-build-error.js'

describe('encodeParameters', () => {
  it('sends a Date as timestamp with time zone in UTC Z, typed', () => {
    expect(encodeParameters({ at: new Date(Date.UTC(2026, 4, 28, 9, 30, 1, 250)) })).toEqual({
      parameters: { at: '2026-05-28T09:30:01.250Z' },
      parameterTypes: { at: 'timestamp with time zone' },
    })
  })

  it('sends a Date typed date as its UTC day', () => {
    expect(encodeParameters({ as_of: new Date('2026-05-28T23:59:59-05:00') }, { as_of: 'date' })).toEqual({
      parameters: { as_of: '2026-05-29' },
      parameterTypes: { as_of: 'date' },
    })
  })

  it('sends a bigint as an int64 string, typed int64 unless told otherwise', () => {
    expect(encodeParameters({ n: 9007199254740993n })).toEqual({ parameters: { n: '9007199254740993' }, parameterTypes: { n: 'int64' } })
    expect(encodeParameters({ n: 10n ** 30n }, { n: 'NUMERIC' })).toEqual({ parameters: { n: '1000000000000000000000000000000' }, parameterTypes: { n: 'numeric' } })
  })

  it('sends a Uint8Array and a Buffer as base64 bytes', () => {
    expect(encodeParameters({ a: new Uint8Array([0xde, 0xad, 0xbe, 0xef]), b: Buffer.from('hi') })).toEqual({
      parameters: { a: '3q2+7w==', b: 'aGk=' },
      parameterTypes: { a: 'bytes', b: 'bytes' },
    })
  })

  it('sends nested arrays and objects as JSON, encoding nested values without types', () => {
    expect(encodeParameters({ tags: ['a', 1, null], doc: { when: new Date(0), big: 5n, nested: [[true]] } })).toEqual({
      parameters: { tags: ['a', 1, null], doc: { when: '1970-01-01T00:00:00.000Z', big: '5', nested: [[true]] } },
    })
  })

  it('types positional values by decimal index, "0" first', () => {
    expect(encodeParameters(['x', 3n], { '0': 'string' })).toEqual({ parameters: ['x', '3'], parameterTypes: { '0': 'string', '1': 'int64' } })
  })

  it('lets an explicit type override the inferred one, normalized', () => {
    expect(encodeParameters({ n: 3n, at: new Date(0) }, { n: 'INT32', at: 'TIMESTAMP_WITH_TIME_ZONE' })).toEqual({
      parameters: { n: '3', at: '1970-01-01T00:00:00.000Z' },
      parameterTypes: { n: 'int32', at: 'timestamp with time zone' },
    })
  })

  const failures: [string, () => unknown, string, string][] = [
    ['undefined', () => encodeParameters({ a: undefined }), 'invalid_parameter_value', '/statement/parameters/a'],
    ['undefined in an array', () => encodeParameters({ a: [1, undefined] }), 'invalid_parameter_value', '/statement/parameters/a/1'],
    ['NaN', () => encodeParameters({ x: Number.NaN }), 'invalid_parameter_value', '/statement/parameters/x'],
    ['Infinity nested', () => encodeParameters({ x: { 'a/b': -Infinity } }), 'invalid_parameter_value', '/statement/parameters/x/a~1b'],
    ['an invalid Date', () => encodeParameters({ d: new Date('nope') }), 'invalid_parameter_value', '/statement/parameters/d'],
    ['a bigint outside int64', () => encodeParameters({ n: 2n ** 63n }), 'invalid_parameter_value', '/statement/parameters/n'],
    ['a Date typed int64', () => encodeParameters({ d: new Date(0) }, { d: 'int64' }), 'invalid_parameter_value', '/statement/parameters/d'],
    ['a Map', () => encodeParameters({ m: new Map() }), 'invalid_type', '/statement/parameters/m'],
    ['a function', () => encodeParameters([() => 1]), 'invalid_type', '/statement/parameters/0'],
    ['a type for no parameter', () => encodeParameters({ a: 1 }, { b: 'int32' }), 'unknown_parameter', '/statement/parameter_types/b'],
  ]
  it.each(failures)('rejects %s with a path', async (_name, run, code, path) => {
    const error = await buildErrorOf(run)
    expect([error.code, error.path]).toEqual([code, path])
  })

  it('says how to fix undefined', async () => {
    expect((await buildErrorOf(() => encodeParameters({ a: undefined }))).message).toContain('pass null for SQL NULL')
  })
})

describe('encodeBase64', () => {
  it('matches Node for every length around the padding boundary and across chunks', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 0x8000 + 1]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37) % 256)
      expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
    }
  })
})

describe('normalizeTypeToken', () => {
  it('lowercases and turns underscores into spaces', () => {
    expect(normalizeTypeToken('TIMESTAMP_WITH_TIME_ZONE')).toBe('timestamp with time zone')
  })
})
