import { describe, expect, it } from 'vitest'
import type { ScopeTable } from '@compiled-sql/protocol'
import { ProtocolError } from '../../src/pipeline/protocol-error.js'
import { resolveScope } from '../../src/pipeline/resolve-scope.js'
import { Registry } from '../../src/world/registry.js'
import type { World } from '../../src/world/world-schema.js'

const world: World = {
  data_sources: [
    { uid: 'ds1', engine: 'pglite', capabilities: ['select', 'insert'] },
    { uid: 'ds2', engine: 'pglite', capabilities: ['select'] },
  ],
  meta_tables: [
    { uid: 'asset', data_source_uid: 'ds1', schema: 'public', table: 'asset', owner: 'owner' },
    { uid: 'account', data_source_uid: 'ds1', schema: 'public', table: 'account', owner: 'owner' },
    { uid: 'venue', data_source_uid: 'ds2', schema: 'market', table: 'venue', owner: 'owner' },
    { uid: 'secret', data_source_uid: 'ds1', schema: 'public', table: 'secret', owner: 'owner' },
  ],
  principals: [
    { id: 'owner', tokens: ['owner-token-0000000001'] },
    { id: 'reader', tokens: ['reader-token-000000001'] },
  ],
  grants: [
    { principal: 'reader', meta_table_uid: 'asset', access: 'read' },
    { principal: 'reader', meta_table_uid: 'account', access: 'write' },
    { principal: 'reader', meta_table_uid: 'venue', access: 'read' },
  ],
}
const registry = new Registry(world)
const owner = world.principals[0]!
const reader = world.principals[1]!

function codeOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (error instanceof ProtocolError) return error.code
    throw error
  }
  return 'ok'
}

describe('resolveScope', () => {
  it('derives the data source from the MetaTables when the scope omits it', () => {
    const scope = resolveScope({ tables: [{ meta_table_uid: 'asset', alias: 'a' }] }, 'select', reader, registry)
    expect(scope.dataSource.uid).toBe('ds1')
    expect(scope.relations).toEqual([{ metaTableUid: 'asset', schema: 'public', table: 'asset', alias: 'a', access: 'read' }])
  })

  it('reports an invisible MetaTable exactly as a missing one', () => {
    const invisible = codeOf(() => resolveScope({ tables: [{ meta_table_uid: 'secret' }] }, 'select', reader, registry))
    const missing = codeOf(() => resolveScope({ tables: [{ meta_table_uid: 'no-such-table' }] }, 'select', reader, registry))
    expect([invisible, missing]).toEqual(['meta_table_not_found', 'meta_table_not_found'])
  })

  it('answers 404 for an invisible table even when an earlier scoped table lacks the requested access (regression: access was checked table by table)', () => {
    const tables: [ScopeTable, ...ScopeTable[]] = [{ meta_table_uid: 'asset', access: 'write' }, { meta_table_uid: 'secret' }]
    expect(codeOf(() => resolveScope({ tables }, 'insert', reader, registry))).toBe('meta_table_not_found')
  })

  it('refuses write access the caller does not hold, and grants it to owners and write grants', () => {
    expect(codeOf(() => resolveScope({ tables: [{ meta_table_uid: 'asset', access: 'write' }] }, 'insert', reader, registry))).toBe('access_denied')
    expect(codeOf(() => resolveScope({ tables: [{ meta_table_uid: 'account', access: 'write' }] }, 'insert', reader, registry))).toBe('ok')
    expect(codeOf(() => resolveScope({ tables: [{ meta_table_uid: 'asset', access: 'write' }] }, 'insert', owner, registry))).toBe('ok')
  })

  it('rejects a scope spanning two data sources when none is named', () => {
    const tables: [ScopeTable, ...ScopeTable[]] = [{ meta_table_uid: 'asset' }, { meta_table_uid: 'venue' }]
    expect(codeOf(() => resolveScope({ tables }, 'select', reader, registry))).toBe('mixed_data_sources')
  })

  it('rejects a named data source that is not the MetaTables’ one, and one that does not exist', () => {
    expect(codeOf(() => resolveScope({ data_source_uid: 'ds2', tables: [{ meta_table_uid: 'asset' }] }, 'select', reader, registry))).toBe(
      'data_source_mismatch',
    )
    expect(codeOf(() => resolveScope({ data_source_uid: 'ds9', tables: [{ meta_table_uid: 'asset' }] }, 'select', reader, registry))).toBe(
      'data_source_not_found',
    )
  })

  it('applies the data source capabilities', () => {
    expect(codeOf(() => resolveScope({ tables: [{ meta_table_uid: 'account', access: 'write' }] }, 'delete', reader, registry))).toBe(
      'operation_not_permitted',
    )
  })

  it('rejects a MetaTable or an alias declared twice', () => {
    expect(codeOf(() => resolveScope({ tables: [{ meta_table_uid: 'asset' }, { meta_table_uid: 'asset' }] }, 'select', reader, registry))).toBe(
      'duplicate_scope_table',
    )
    const aliases: [ScopeTable, ...ScopeTable[]] = [{ meta_table_uid: 'asset', alias: 'x' }, { meta_table_uid: 'account', alias: 'x' }]
    expect(codeOf(() => resolveScope({ tables: aliases }, 'select', reader, registry))).toBe('duplicate_scope_table')
  })
})
