import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, validateOperation } from '../src/index.js'

const minimal = {
  operation: 'select',
  version: 'compiled-sql.v1',
  statement: { sql: 'SELECT 1' },
  scope: { tables: [{ meta_table_uid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' }] },
}

describe('validateOperation', () => {
  it('accepts a minimal envelope and returns it typed', () => {
    const result = validateOperation(minimal)
    expect(result).toEqual({ ok: true, value: minimal })
  })

  it('reports a missing field at the pointer the field would have', () => {
    const { statement: _, ...withoutStatement } = minimal
    const result = validateOperation(withoutStatement)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors).toContainEqual(expect.objectContaining({ code: 'missing_field', instancePath: '/statement' }))
  })

  it('reports camelCase aliases as unknown fields, since the wire is snake_case', () => {
    const result = validateOperation({ ...minimal, scope: { tables: [{ metaTableUid: 'x' }] } })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors).toContainEqual(expect.objectContaining({ code: 'unknown_field', instancePath: '/scope/tables/0/metaTableUid' }))
      expect(result.errors).toContainEqual(expect.objectContaining({ code: 'missing_field', instancePath: '/scope/tables/0/meta_table_uid' }))
    }
  })

  it('uses the x-error-code override for an unsupported version', () => {
    const result = validateOperation({ ...minimal, version: 'compiled-sql.v2' })
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'unsupported_version', instancePath: '/version' }] })
  })

  it('accepts the default limits as explicit values', () => {
    expect(validateOperation({ ...minimal, limits: { ...DEFAULT_LIMITS } }).ok).toBe(true)
  })
})

describe('validateOperationResult discriminator', () => {
  // Regression: a present but non-string `operation` was reported as missing_field.
  it('reports a non-string discriminator as invalid_value, not missing_field', async () => {
    const { validateOperationResult } = await import('../src/index.js')
    for (const operation of [1, null, true, ['select']]) {
      const result = validateOperationResult({ ok: true, operation, dialect: 'postgresql', row_count: 0, rows: [], truncated: false, max_rows: 1, scope: { meta_table_uids: [], data_source_uid: 'd' } })
      expect(result).toMatchObject({ ok: false, errors: [{ code: 'invalid_value', instancePath: '/operation' }] })
    }
  })
})
