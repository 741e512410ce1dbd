import { describe, expect, it } from 'vitest'
import { validateOperation } from '../src/index.js'
import { envelope, outcome, withParameters } from './support/envelope.js'

/**
 * validateOperation on JavaScript values that are not JSON, or are JSON with
 * keys that are special to JavaScript. It never throws, and each case pins the
 * exact issues: the protocol code and the JSON Pointer.
 */

type Case = readonly [name: string, build: () => unknown, expected: 'ok' | Array<[string, string]>]

function check([, build, expected]: Case) {
  const value = build()
  const result = validateOperation(value)
  expect(outcome(result)).toEqual(expected)
  if (result.ok) expect(result.value).toBe(value)
}

class Envelope {}

function nullPrototype<T extends object>(fields: T): T {
  return Object.assign(Object.create(null) as T, fields)
}

function throwingGetter(target: object, key: string): object {
  return Object.defineProperty(target, key, { enumerable: true, get: () => { throw new Error(`reading ${key}`) } })
}

describe('validateOperation on cycles', () => {
  it.each<Case>([
    ['a parameter object that contains itself', () => { const p: Record<string, unknown> = {}; p.self = p; return withParameters(p) }, [['invalid_type', '/statement/parameters/self']]],
    ['a parameter array that contains itself', () => { const p: unknown[] = [1]; p.push(p); return withParameters(p) }, [['invalid_type', '/statement/parameters/1']]],
    ['a cycle three levels down in a parameter', () => { const o: any = { a: { b: {} } }; o.a.b.c = o; return withParameters({ o }) }, [['invalid_type', '/statement/parameters/o/a/b/c']]],
    ['the same object twice, which is no cycle', () => { const shared = { x: 1 }; return withParameters({ a: shared, b: [shared] }) }, 'ok'],
    ['the envelope inside itself, as an unknown field', () => { const d = envelope(); d.self = d; return d }, [['unknown_field', '/self'], ['invalid_type', '/self']]],
    ['the envelope inside an unknown field of limits', () => { const d = envelope(); d.limits = { x: d }; return d }, [['unknown_field', '/limits/x'], ['invalid_type', '/limits/x']]],
    ['a scope table inside itself', () => { const d = envelope(); d.scope.tables[0].self = d.scope.tables[0]; return d }, [['unknown_field', '/scope/tables/0/self'], ['invalid_type', '/scope/tables/0/self']]],
    ['a parameter_types map inside itself', () => { const d = envelope(); const t: Record<string, unknown> = {}; t.t = t; d.statement.parameter_types = t; return d }, [['invalid_type', '/statement/parameter_types/t'], ['invalid_value', '/statement/parameter_types/t']]],
  ])('%s', (...testCase) => check(testCase))
})

describe('validateOperation on values JSON has no form for', () => {
  it.each<Case>([
    ['undefined', () => undefined, [['invalid_type', '']]],
    ['a function', () => () => 1, [['invalid_type', '']]],
    ['a symbol', () => Symbol('envelope'), [['invalid_type', '']]],
    ['a bigint', () => 1n, [['invalid_type', '']]],
    ['NaN', () => NaN, [['invalid_type', '']]],
    ['a function parameter', () => withParameters({ f: () => 1 }), [['invalid_type', '/statement/parameters/f']]],
    ['a symbol parameter', () => withParameters({ s: Symbol('s') }), [['invalid_type', '/statement/parameters/s']]],
    ['a bigint parameter', () => withParameters({ b: 10n }), [['invalid_type', '/statement/parameters/b']]],
    ['a bigint max_rows', () => ({ ...envelope(), limits: { max_rows: 10n } }), [['invalid_type', '/limits/max_rows']]],
    ['a NaN parameter', () => withParameters([1, NaN]), [['invalid_type', '/statement/parameters/1']]],
    ['an Infinity parameter', () => withParameters({ i: Infinity }), [['invalid_type', '/statement/parameters/i']]],
    ['a NaN max_rows', () => ({ ...envelope(), limits: { max_rows: NaN } }), [['invalid_type', '/limits/max_rows']]],
    ['a -Infinity offset', () => ({ ...envelope(), limits: { offset: -Infinity } }), [['invalid_type', '/limits/offset']]],
    ['a Date parameter', () => withParameters({ d: new Date(0) }), [['invalid_type', '/statement/parameters/d']]],
    ['a Map parameter', () => withParameters({ m: new Map([['a', 1]]) }), [['invalid_type', '/statement/parameters/m']]],
    ['a Set parameter', () => withParameters([new Set([1])]), [['invalid_type', '/statement/parameters/0']]],
    ['a class instance parameter', () => withParameters({ c: new Envelope() }), [['invalid_type', '/statement/parameters/c']]],
    ['a class instance envelope', () => Object.assign(new Envelope(), envelope()), [['invalid_type', '']]],
    ['an object literal with a __proto__ prototype', () => ({ __proto__: { operation: 'select' }, ...envelope() }), [['invalid_type', '']]],
    ['an Array subclass parameter', () => withParameters({ a: new (class Tuple extends Array {})() }), [['invalid_type', '/statement/parameters/a']]],
    ['a boxed string parameter', () => withParameters({ s: new String('x') }), [['invalid_type', '/statement/parameters/s']]],
    ['a boxed number parameter', () => withParameters({ n: new Number(1) }), [['invalid_type', '/statement/parameters/n']]],
    ['a boxed string sql', () => ({ ...envelope(), statement: { sql: new String('SELECT 1') } }), [['invalid_type', '/statement/sql']]],
    ['a boxed boolean in a map of tokens', () => ({ ...envelope(), statement: { sql: 'x', parameter_types: { a: new Boolean(true) } } }), [['invalid_type', '/statement/parameter_types/a'], ['invalid_value', '/statement/parameter_types/a']]],
    ['a Uint8Array parameter', () => withParameters({ t: new Uint8Array([1, 2]) }), [['invalid_type', '/statement/parameters/t']]],
    ['a Uint8Array as the parameters', () => withParameters(new Uint8Array([1, 2])), [['invalid_type', '/statement/parameters']]],
    ['an empty Float64Array parameter', () => withParameters({ t: new Float64Array(0) }), [['invalid_type', '/statement/parameters/t']]],
    ['a sparse parameter array', () => withParameters([1, , 3]), [['invalid_type', '/statement/parameters/1']]],
    ['a sparse nested parameter', () => withParameters({ a: [[, 1]] }), [['invalid_type', '/statement/parameters/a/0/0']]],
    ['a sparse scope.tables', () => { const d = envelope(); d.scope.tables = [, { meta_table_uid: 'a' }]; return d }, [['invalid_type', '/scope/tables/0']]],
    ['undefined in a parameter array', () => withParameters([undefined]), [['invalid_type', '/statement/parameters/0']]],
    // A parameter set to undefined is rejected (JSON.stringify would drop it silently and the server would report it missing),
    // while an optional envelope field set to undefined is accepted, as JSON.stringify drops it.
    ['undefined as a named parameter', () => withParameters({ a: undefined }), [['invalid_type', '/statement/parameters/a']]],
    ['undefined as the limits', () => ({ ...envelope(), limits: undefined }), 'ok'],
  ])('%s', (...testCase) => check(testCase))
})

describe('validateOperation on objects that throw when read', () => {
  it.each<Case>([
    ['a Proxy whose get trap throws, as the envelope', () => new Proxy(envelope(), { get: () => { throw new Error('get') } }), [['invalid_type', '']]],
    ['a Proxy whose get trap throws, as the parameters', () => withParameters(new Proxy({ a: 1 }, { get: () => { throw new Error('get') } })), [['invalid_type', '']]],
    ['a Proxy of an empty object whose get trap throws (never called)', () => withParameters(new Proxy({}, { get: () => { throw new Error('get') } })), 'ok'],
    ['a Proxy whose ownKeys trap throws', () => withParameters(new Proxy({ a: 1 }, { ownKeys: () => { throw new Error('ownKeys') } })), [['invalid_type', '']]],
    ['a Proxy whose getPrototypeOf trap throws', () => withParameters(new Proxy({ a: 1 }, { getPrototypeOf: () => { throw new Error('getPrototypeOf') } })), [['invalid_type', '']]],
    ['a revoked Proxy as the parameters', () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return withParameters(proxy) }, [['invalid_type', '']]],
    ['a revoked Proxy as the envelope', () => { const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy }, [['invalid_type', '']]],
    ['a throwing getter for sql', () => { const d = envelope(); throwingGetter(d.statement, 'sql'); return d }, [['invalid_type', '']]],
    ['a throwing getter for a parameter', () => withParameters(throwingGetter({}, 'a')), [['invalid_type', '']]],
  ])('%s', (...testCase) => check(testCase))

  it('explains an unreadable value in the message', () => {
    const result = validateOperation(withParameters(throwingGetter({}, 'a')))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]?.message).toContain('reading a')
  })
})

describe('validateOperation on keys special to JavaScript', () => {
  const text = (fields: string) =>
    `{"operation":"select","version":"compiled-sql.v1","statement":{"sql":"x"${fields}},"scope":{"tables":[{"meta_table_uid":"a"}]}}`
  it.each<Case>([
    ['__proto__ as a JSON parameter name and token name', () => JSON.parse(text(',"parameters":{"__proto__":{"a":1}},"parameter_types":{"__proto__":"jsonb"}')), 'ok'],
    ['__proto__ as an unknown JSON field of the envelope', () => JSON.parse(text('').replace(/}$/, ',"__proto__":{"operation":"insert"}}')), [['unknown_field', '/__proto__']]],
    ['__proto__ as an unknown JSON field of a scope table', () => JSON.parse(text('').replace('"meta_table_uid":"a"', '"meta_table_uid":"a","__proto__":{"alias":"b"}')), [['unknown_field', '/scope/tables/0/__proto__']]],
    ['__proto__ as a parameter defined with Object.defineProperty', () => withParameters(Object.defineProperty({}, '__proto__', { value: 1, enumerable: true })), 'ok'],
    ['__proto__ as an unknown field defined with Object.defineProperty', () => Object.defineProperty(envelope(), '__proto__', { value: {}, enumerable: true }), [['unknown_field', '/__proto__']]],
    ['constructor, prototype, toString, hasOwnProperty and valueOf as parameter names', () => withParameters({ constructor: 1, prototype: 2, toString: 3, hasOwnProperty: 4, valueOf: null }), 'ok'],
    ['constructor as a field of the envelope', () => ({ ...envelope(), constructor: 'x' }), [['unknown_field', '/constructor']]],
    ['prototype as a field of the envelope', () => ({ ...envelope(), prototype: {} }), [['unknown_field', '/prototype']]],
    ['constructor as a field of scope', () => { const d = envelope(); d.scope.constructor = {}; return d }, [['unknown_field', '/scope/constructor']]],
  ])('%s', (...testCase) => check(testCase))
})

describe('validateOperation on strings with lone surrogates and objects without a prototype', () => {
  it.each<Case>([
    ['SQL with a lone high surrogate', () => ({ ...envelope(), statement: { sql: "SELECT '\ud800'" } }), 'ok'],
    ['SQL that is a lone low surrogate', () => ({ ...envelope(), statement: { sql: '\udfff' } }), 'ok'],
    ['lone surrogates read from \\u escapes in JSON text', () => JSON.parse('{"operation":"select","version":"compiled-sql.v1","statement":{"sql":"SELECT \'\\ud800\'","parameters":{"\\udc00":"\\ud800"}},"scope":{"tables":[{"meta_table_uid":"\\ud800"}]}}'), 'ok'],
    ['a surrogate pair counts as one character for minLength', () => { const d = envelope(); d.scope.tables[0].alias = '\u{1F600}'; return d }, 'ok'],
    ['an envelope built from Object.create(null) objects', () => nullPrototype({
      operation: 'select', version: 'compiled-sql.v1',
      statement: nullPrototype({ sql: 'SELECT 1', parameters: nullPrototype({ a: nullPrototype({ b: [1] }) }) }),
      scope: nullPrototype({ tables: [nullPrototype({ meta_table_uid: 'a' })] }),
      limits: nullPrototype({ max_rows: 1 }),
    }), 'ok'],
    ['an Object.create(null) envelope without a statement', () => nullPrototype({ operation: 'select', version: 'compiled-sql.v1', scope: nullPrototype({ tables: [nullPrototype({ meta_table_uid: 'a' })] }) }), [['missing_field', '/statement']]],
    ['a frozen envelope', () => Object.freeze(envelope()), 'ok'],
    ['an envelope with a symbol key, which JSON ignores', () => ({ ...envelope(), [Symbol('x')]: 1 }), 'ok'],
  ])('%s', (...testCase) => check(testCase))
})

describe('regressions', () => {
  // The issue rules: a JS value that is not JSON is reported as invalid_type at its pointer, also
  // when the document fails the schema elsewhere (it used to be reported only on valid documents).
  it('bug non-json-value-unreported-when-schema-fails: a Date parameter next to a missing scope', () => {
    const { scope: _, ...document } = withParameters({ d: new Date(0) })
    expect(outcome(validateOperation(document))).toEqual(expect.arrayContaining([['missing_field', '/scope'], ['invalid_type', '/statement/parameters/d']]))
  })

  it('bug non-json-value-unreported-when-schema-fails: a cycle in an unknown field', () => {
    const document = envelope()
    document.self = document
    expect(outcome(validateOperation(document))).toEqual(expect.arrayContaining([['invalid_type', '/self']]))
  })
})
