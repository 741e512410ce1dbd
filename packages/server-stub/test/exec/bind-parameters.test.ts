import { TYPE_TOKENS, type TypeToken } from '@compiled-sql/protocol'
import { LosslessNumber, stringify } from 'lossless-json'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bindParameters, type BindParametersInput } from '../../src/exec/bind-parameters.js'
import type { BoundParameter } from '../../src/exec/execution-request.js'
import { BACKENDS, readRows, type TestBackend } from './support/backends.js'

/** Binds one value, named `p`, optionally with a type token. */
function bindOne(value: unknown, token?: string, input: Partial<BindParametersInput> = {}): ReturnType<typeof bindParameters> {
  return bindParameters({ values: { p: value }, names: ['p'], ...(token === undefined ? {} : { parameterTypes: { p: token } }), ...input })
}

function bound(value: unknown, token?: string, input: Partial<BindParametersInput> = {}): BoundParameter {
  const result = bindOne(value, token, input)
  if (!result.ok) throw result.error
  return result.parameters[0]!
}

/** A valid value for every token, and what PostgreSQL prints for it (`pg_typeof`, `::text`). */
const SAMPLES: Record<TypeToken, readonly [value: unknown, type: string, text: string]> = {
  date: ['2024-02-29', 'date', '2024-02-29'],
  'timestamp with time zone': ['2026-05-28T12:30:00.123456Z', 'timestamp with time zone', '2026-05-28 12:30:00.123456+00'],
  string: ['it\'s 100% "text"', 'text', 'it\'s 100% "text"'],
  uuid: ['A0000000-0000-4000-8000-00000000000F', 'uuid', 'a0000000-0000-4000-8000-00000000000f'],
  json: [{ b: 1, a: [true, null] }, 'json', '{"b":1,"a":[true,null]}'],
  jsonb: [{ n: 9007199254740993n, d: new LosslessNumber('1.10') }, 'jsonb', '{"d": 1.10, "n": 9007199254740993}'],
  bool: [false, 'boolean', 'false'],
  int16: [-32768, 'smallint', '-32768'],
  int32: [2147483647, 'integer', '2147483647'],
  int64: ['-9223372036854775808', 'bigint', '-9223372036854775808'],
  float32: [1.5, 'real', '1.5'],
  float64: ['-Infinity', 'double precision', '-Infinity'],
  numeric: ['123456789012345678.123456789012345678', 'numeric', '123456789012345678.123456789012345678'],
  bytes: ['AQL/', 'bytea', '\\x0102ff'],
  'date[]': [['2024-01-01', null], 'date[]', '{2024-01-01,NULL}'],
  'timestamp with time zone[]': [['2024-01-01T00:00:00Z'], 'timestamp with time zone[]', '{"2024-01-01 00:00:00+00"}'],
  'string[]': [['a"b', 'c\\d', 'NULL', null, '', '{x}', ' sp '], 'text[]', '{"a\\"b","c\\\\d","NULL",NULL,"","{x}"," sp "}'],
  'uuid[]': [['a0000000-0000-4000-8000-000000000001'], 'uuid[]', '{a0000000-0000-4000-8000-000000000001}'],
  'json[]': [[{ a: 1 }, [1, 2]], 'json[]', '{"{\\"a\\":1}","[1,2]"}'],
  'jsonb[]': [[{ a: 1 }, null], 'jsonb[]', '{"{\\"a\\": 1}",NULL}'],
  'bool[]': [[true, false, null], 'boolean[]', '{t,f,NULL}'],
  'int16[]': [[1, -2], 'smallint[]', '{1,-2}'],
  'int32[]': [[1, null], 'integer[]', '{1,NULL}'],
  'int64[]': [['9007199254740993', 5], 'bigint[]', '{9007199254740993,5}'],
  'float32[]': [[0.25, 'NaN'], 'real[]', '{0.25,NaN}'],
  'float64[]': [[0.1, 'Infinity'], 'double precision[]', '{0.1,Infinity}'],
  'numeric[]': [['1e-18', 2.5], 'numeric[]', '{0.000000000000000001,2.5}'],
  'bytes[]': [['AQ==', null], 'bytea[]', '{"\\\\x01",NULL}'],
}

describe('bindParameters', () => {
  it('has a sample for every type token', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...TYPE_TOKENS].sort())
  })

  it.for([
    ['date', '2024-13-01'],
    ['date', '2024-02-30'],
    ['date', 20240101],
    ['timestamp with time zone', '2024-01-01T00:00:00+01:00'],
    ['timestamp with time zone', '2024-01-01 00:00:00Z'],
    ['uuid', 'not-a-uuid'],
    ['string', 5],
    ['string', 'nul \u0000 inside'],
    ['bool', 'true'],
    ['int16', 40000],
    ['int32', 1.5],
    ['int32', '7'],
    ['int64', '9223372036854775808'],
    ['int64', 9007199254740993n], // beyond 2^53 an int64 travels as a string
    ['int64', '007'],
    ['float64', 'nan'],
    ['numeric', '1,5'],
    ['bytes', 'AQI'],
    ['date[]', '2024-01-01'],
    ['int32[]', [[1, 2]]],
    ['uuid[]', ['a0000000-0000-4000-8000-000000000001', 'x']],
    ['no such token', 1],
  ] as const)('rejects %j with invalid_parameter_value naming the parameter', ([token, value]) => {
    const result = bindOne(value, token)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'invalid_parameter_value', retryable: false, details: { parameter: 'p' } })
      expect(result.error.message).toMatch(/^parameter p: /)
    }
  })

  it('binds NULL with the token type, or untyped', () => {
    expect(bound(null, 'int64[]')).toEqual({ value: null, typeOid: 1016 })
    expect(bound(null)).toEqual({ value: null, typeOid: 0 })
  })

  it('types untyped values from their JSON type, as psycopg literals would be, where it helps PostgreSQL', () => {
    expect(bound(true)).toEqual({ value: 'true', typeOid: 16 })
    expect(bound(5)).toEqual({ value: '5', typeOid: 23 })
    expect(bound(-2147483649)).toEqual({ value: '-2147483649', typeOid: 20 })
    expect(bound(9007199254740993n)).toEqual({ value: '9007199254740993', typeOid: 20 })
    expect(bound(new LosslessNumber('99999999999999999999'))).toEqual({ value: '99999999999999999999', typeOid: 1700 })
    expect(bound(1e21)).toEqual({ value: '1000000000000000000000', typeOid: 1700 })
    expect(bound(1.5)).toEqual({ value: '1.5', typeOid: 1700 })
    expect(bound(new LosslessNumber('1.10'))).toEqual({ value: '1.10', typeOid: 1700 })
    expect(bound('x')).toEqual({ value: 'x', typeOid: 0 })
    expect(bound('x', undefined, { hints: [{ number: 1, anyArgument: true }] })).toEqual({ value: 'x', typeOid: 25 })
    expect(bound({ n: 9007199254740993n, s: 'é' })).toEqual({ value: '{"n":9007199254740993,"s":"é"}', typeOid: 3802 })
    expect(bound([1, 'a"b', null, true, { k: 1 }])).toEqual({ value: '{"1","a\\"b",NULL,"true","{\\"k\\":1}"}', typeOid: 0 })
    expect(bound([])).toEqual({ value: '{}', typeOid: 0 })
    expect(bindOne('nul \u0000').ok).toBe(false)
  })

  it('reads values from an object, an array (by decimal index) or a map, and reports a missing one', () => {
    const names = ['1', '0', '1']
    const expected = [
      { value: 'b', typeOid: 0 },
      { value: '1', typeOid: 23 },
      { value: 'b', typeOid: 0 },
    ]
    expect(bindParameters({ values: [1, 'b'], names })).toEqual({ ok: true, parameters: expected })
    expect(
      bindParameters({
        values: new Map<string, unknown>([
          ['0', 1],
          ['1', 'b'],
        ]),
        names,
      }),
    ).toEqual({ ok: true, parameters: expected })
    expect(bindParameters({ values: { 0: 1, 1: 'b' }, names })).toEqual({ ok: true, parameters: expected })
    const missing = bindParameters({ values: [1], names })
    expect(missing.ok ? undefined : missing.error).toMatchObject({ code: 'missing_parameter', details: { parameter: '1' } })
    const inherited = bindParameters({ values: {}, names: ['toString'] })
    expect(inherited.ok).toBe(false)
  })
})

for (const kind of BACKENDS) {
  describe.skipIf(kind.skip !== undefined)(`bound parameters on ${kind.name}`, () => {
    let backend: TestBackend
    beforeAll(async () => {
      backend = await kind.start([])
    })
    afterAll(async () => {
      await backend?.close()
    })

    it('binds every token with its type and PostgreSQL reads back the value it was given', async () => {
      const tokens = Object.keys(SAMPLES) as TypeToken[]
      const values = Object.fromEntries(tokens.map((token) => [token, SAMPLES[token][0]]))
      const result = bindParameters({ values, names: tokens, parameterTypes: Object.fromEntries(tokens.map((token) => [token, token])) })
      if (!result.ok) throw result.error
      const select = tokens.map((_, i) => `pg_typeof($${i + 1})::text as "t${i}", $${i + 1}::text as "v${i}"`).join(', ')
      const [row] = await readRows(backend.executor, `select ${select}`, { parameters: result.parameters })
      tokens.forEach((token, i) => {
        expect([token, row![`t${i}`], row![`v${i}`]]).toEqual([token, SAMPLES[token][1], SAMPLES[token][2]])
      })
    })

    it('keeps integers beyond 2^53 exact in and out, typed or not', async () => {
      const result = bindParameters({ values: { big: 9007199254740993n, doc: { n: 9007199254740993n } }, names: ['big', 'doc'] })
      if (!result.ok) throw result.error
      const [row] = await readRows(backend.executor, "select $1 + 1 as next, $2 -> 'n' as n", { parameters: result.parameters })
      expect(stringify(row)).toBe('{"next":"9007199254740994","n":9007199254740993}')
    })

    it('leaves untyped arrays to PostgreSQL, which infers the element type from context', async () => {
      const result = bindParameters({ values: { ids: ['a0000000-0000-4000-8000-000000000001'], n: 2 }, names: ['ids', 'n'] })
      if (!result.ok) throw result.error
      const rows = await readRows(
        backend.executor,
        "select 'a0000000-0000-4000-8000-000000000001'::uuid = any($1) as hit, pg_typeof($1)::text as t, $2 as n",
        {
          parameters: result.parameters,
        },
      )
      expect(rows).toEqual([{ hit: true, t: 'uuid[]', n: 2 }])
    })
  })
}
