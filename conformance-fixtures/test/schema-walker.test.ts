import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { describe, expect, it } from 'vitest'
import type { Json } from './support/json.js'
import { loadSchemaRegistry } from './support/schema-registry.js'
import { evaluate } from './support/schema-walker.js'

const registry = loadSchemaRegistry()
const operation = (patch: Record<string, Json> = {}): Json => ({
  operation: 'select',
  version: 'compiled-sql.v1',
  statement: { sql: 'SELECT 1' },
  scope: { tables: [{ meta_table_uid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' }] },
  ...patch,
})
/** A registry holding one schema, `x.schema.json`. */
function scratchRegistry(schema: Record<string, Json>) {
  const dir = mkdtempSync(`${tmpdir()}/walker-`)
  writeFileSync(`${dir}/x.schema.json`, JSON.stringify({ $id: 'https://example.test/x.schema.json', ...schema }))
  return loadSchemaRegistry(dir)
}
const failed = (file: string, value: Json) => evaluate(registry, file, value).failures.map((f) => f.location)

describe('schema walker', () => {
  it('accepts a minimal envelope and records what it visited', () => {
    const result = evaluate(registry, 'operation.schema.json', operation())
    expect(result.issues).toEqual([])
    expect(result.visited).toContain('operation.schema.json#/required/version')
    expect(result.visited).toContain('operation.schema.json#/$defs/Statement/properties/sql/pattern')
    expect(result.visited).not.toContain('operation.schema.json#/$defs/Limits/properties/max_rows/minimum')
  })

  it('lets x-error-code of the holding schema win', () => {
    const result = evaluate(registry, 'operation.schema.json', operation({ version: 2 }))
    expect(result.issues).toEqual([
      { code: 'unsupported_version', instancePath: '/version' },
      { code: 'unsupported_version', instancePath: '/version' },
    ])
    expect(result.failures.map((f) => f.location)).toEqual(['operation.schema.json#/properties/version/type', 'operation.schema.json#/properties/version/const'])
  })

  it('reports a propertyNames failure at the property, with the inner keyword code', () => {
    const result = evaluate(registry, 'operation.schema.json', operation({ statement: { sql: 'SELECT %(a/b))s', parameters: { 'a/b)': 1 } } }))
    expect(result.issues).toEqual([{ code: 'invalid_format', instancePath: '/statement/parameters/a~1b)' }])
    expect(result.failures.map((f) => f.location)).toEqual([
      'operation.schema.json#/$defs/ParameterName/pattern',
      'operation.schema.json#/$defs/Statement/properties/parameters/propertyNames',
    ])
  })

  it('reports a missing field at its own pointer and an unknown one at its pointer', () => {
    const result = evaluate(registry, 'operation.schema.json', operation({ scope: { tables: [{ metaTableUid: 'x' }] } }))
    expect(result.issues).toContainEqual({ code: 'missing_field', instancePath: '/scope/tables/0/meta_table_uid' })
    expect(result.issues).toContainEqual({ code: 'unknown_field', instancePath: '/scope/tables/0/metaTableUid' })
  })

  it('follows the discriminator into one branch, across $ref to another file', () => {
    const body = { ok: true, operation: 'delete', dialect: 'postgresql', row_count: 0, rows: [], truncated: false, max_rows: 1, scope: { meta_table_uids: [], data_source_uid: 'd' } }
    expect(evaluate(registry, 'operation-result.schema.json', body).issues).toEqual([])
    expect(evaluate(registry, 'operation-result.schema.json', { ...body, pagination: null }).issues).toEqual([{ code: 'unknown_field', instancePath: '/pagination' }])
    expect(failed('operation-result.schema.json', { ...body, operation: 'merge' })).toEqual(['operation-result.schema.json#/discriminator'])
    const { operation: _, ...untagged } = body
    expect(evaluate(registry, 'operation-result.schema.json', untagged).issues).toEqual([{ code: 'missing_field', instancePath: '/operation' }])
  })

  it('resolves error codes in error-code.schema.json', () => {
    const body = { ok: false, error: { code: 'nope', kind: 'internal_error', message: 'm', retryable: false } }
    expect(failed('error-response.schema.json', body)).toEqual(['error-code.schema.json#/enum'])
  })

  it('counts string length in code points, not UTF-16 units', () => {
    const scratch = scratchRegistry({ type: 'string', minLength: 2 })
    expect(evaluate(scratch, 'x.schema.json', '😀').issues).toEqual([{ code: 'too_small', instancePath: '' }])
    expect(evaluate(scratch, 'x.schema.json', 'ab').issues).toEqual([])
  })

  it('bounds string length from above, in code points', () => {
    const scratch = scratchRegistry({ type: 'string', maxLength: 1 })
    expect(evaluate(scratch, 'x.schema.json', '😀').issues).toEqual([])
    expect(evaluate(scratch, 'x.schema.json', 'ab').issues).toEqual([{ code: 'too_big', instancePath: '' }])
    expect(failed('error-response.schema.json', { ok: false, error: { code: 'internal_error', kind: 'internal_error', message: 'm', retryable: false, sqlstate: '2350' } })).toEqual([
      'error-response.schema.json#/$defs/ErrorInfo/properties/sqlstate/minLength',
      'error-response.schema.json#/$defs/ErrorInfo/properties/sqlstate/pattern',
    ])
  })

  it('reports a number beyond the double range as invalid_type at the bound it breaks, and a finite one by the bound', () => {
    const withValue = (x: Json): Json => operation({ statement: { sql: 'SELECT %(x)s', parameters: { x } } })
    const outside = evaluate(registry, 'operation.schema.json', withValue(JSON.parse('[1e400, -1e400]') as Json))
    expect(outside.issues).toEqual([
      { code: 'invalid_type', instancePath: '/statement/parameters/x/0' },
      { code: 'invalid_type', instancePath: '/statement/parameters/x/1' },
    ])
    expect(outside.failures.map((f) => f.location)).toContain('parameter-value.schema.json#/maximum')
    expect(outside.failures.map((f) => f.location)).toContain('parameter-value.schema.json#/minimum')
    expect(evaluate(registry, 'operation.schema.json', withValue(Number.MAX_VALUE)).issues).toEqual([])
    const scratch = scratchRegistry({ type: 'number', maximum: 1 })
    expect(evaluate(scratch, 'x.schema.json', 2).issues).toEqual([{ code: 'too_big', instancePath: '' }])
    expect(evaluate(scratch, 'x.schema.json', Infinity).issues).toEqual([{ code: 'invalid_type', instancePath: '' }])
  })

  it('refuses a keyword it does not implement', () => {
    expect(() => evaluate(scratchRegistry({ type: 'array', maxItems: 3 }), 'x.schema.json', [1, 2, 3, 4])).toThrow(/maxItems/)
  })
})
