import { describe, expect, it } from 'vitest'
import { checkDeclaredScope, inferScopeTables, MetaTableRegistry, rawTextMayNameTables, resolveOperationKind, resolveScopeTables, type TableReference } from '../../src/index.js'
import { buildErrorOf } from '../catch-build-error.js'

const ASSET = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
const ACCOUNT = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'
const registry = new MetaTableRegistry({ 'public.asset': ASSET, 'public.account': ACCOUNT })
const read = (name: string, alias?: string): TableReference => ({ table: { name }, ...(alias !== undefined && { alias }), access: 'read' })
const write = (name: string): TableReference => ({ table: { name }, access: 'write' })

describe('resolveOperationKind', () => {
  it('takes the seen kind, the given one, or a compatible one', () => {
    expect(resolveOperationKind({ kind: 'select', tables: [] }, undefined)).toBe('select')
    expect(resolveOperationKind(undefined, 'delete')).toBe('delete')
    expect(resolveOperationKind({ kind: 'insert', alsoAccepts: ['upsert'], tables: [] }, 'upsert')).toBe('upsert')
  })

  it('refuses a disagreement and an unknown kind', async () => {
    const mismatch = await buildErrorOf(() => resolveOperationKind({ kind: 'upsert', tables: [] }, 'insert'))
    expect([mismatch.code, mismatch.path]).toEqual(['statement_kind_mismatch', '/operation'])
    const missing = await buildErrorOf(() => resolveOperationKind({ tables: [] }, undefined))
    expect([missing.code, missing.path]).toEqual(['missing_field', '/operation'])
  })
})

describe('inferScopeTables', () => {
  it('gives one entry per MetaTable, write when any reference writes', () => {
    expect(inferScopeTables([write('asset'), read('asset', 'a'), read('account')], registry)).toEqual([
      { metaTableUid: ASSET, access: 'write' },
      { metaTableUid: ACCOUNT, access: 'read' },
    ])
  })

  it('keeps an alias only when it is the table’s one alias and no other table’s', () => {
    expect(inferScopeTables([read('asset', 'a'), read('account', 'b')], registry)).toEqual([
      { metaTableUid: ASSET, alias: 'a', access: 'read' },
      { metaTableUid: ACCOUNT, alias: 'b', access: 'read' },
    ])
    expect(inferScopeTables([read('asset', 'x'), read('account', 'x')], registry).map((table) => table.alias)).toEqual([undefined, undefined])
    expect(inferScopeTables([read('asset', 'a1'), read('asset', 'a2')], registry)).toEqual([{ metaTableUid: ASSET, access: 'read' }])
  })
})

describe('checkDeclaredScope', () => {
  it('accepts a scope that holds every reference with the right access', () => {
    expect(() => checkDeclaredScope([write('asset'), read('account')], registry, [{ meta_table_uid: ACCOUNT }, { metaTableUid: ASSET, access: 'write' }])).not.toThrow()
  })

  it('refuses a missing joined table, a missing write target and a write target scoped for reading', async () => {
    const joined = await buildErrorOf(() => checkDeclaredScope([read('asset'), read('account')], registry, [{ metaTableUid: ASSET }]))
    expect([joined.code, joined.path, joined.message.includes('Do not omit joined tables from scope')]).toEqual(['relation_not_in_scope', '/scope/tables', true])
    const absent = await buildErrorOf(() => checkDeclaredScope([write('asset')], registry, [{ metaTableUid: ACCOUNT }]))
    expect([absent.code, absent.path]).toEqual(['write_not_in_scope', '/scope/tables'])
    const readOnly = await buildErrorOf(() => checkDeclaredScope([write('asset')], registry, [{ metaTableUid: ACCOUNT }, { metaTableUid: ASSET }]))
    expect([readOnly.code, readOnly.path]).toEqual(['write_not_in_scope', '/scope/tables/1/access'])
  })
})

describe('resolveScopeTables', () => {
  it('says what to pass when the scope can be neither taken nor inferred', async () => {
    for (const [shape, sources] of [
      [{ tables: [read('asset')] }, {}],
      [undefined, { registry }],
      [{ tables: [read('asset')], rawText: 'select 1 from trade' }, { registry }],
    ] as const) {
      const error = await buildErrorOf(() => resolveScopeTables(shape, sources))
      expect([error.code, error.path]).toEqual(['missing_field', '/scope/tables'])
    }
  })

  it('uses a declared scope as is when nothing can check it', () => {
    const declared = [{ metaTableUid: ACCOUNT }]
    expect(resolveScopeTables({ tables: [read('asset')] }, { declared })).toBe(declared)
    expect(resolveScopeTables(undefined, { declared, registry })).toBe(declared)
  })
})

describe('rawTextMayNameTables', () => {
  it('looks for relation keywords in code only, and suspects text that does not lex', () => {
    expect(['count(*)', "'from'", '"join"', '-- from\n1', '/* into */ 1', '$$ update $$', 'x_from_y'].map(rawTextMayNameTables)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ])
    expect(['exists (select 1 FROM t)', 'a JOIN b', 'extract(year from x)', "'from' || '"].map(rawTextMayNameTables)).toEqual([true, true, true, true])
    // Text that does not lex on its own counts only when a keyword appears in it at all.
    expect(rawTextMayNameTables("'unterminated")).toBe(false)
  })
})
