import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadWorld, WorldError } from '../../src/world/load-world.js'

const DEMO = join(import.meta.dirname, '../../worlds/demo/world.json')

function worldFile(world: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'world-'))
  const file = join(dir, 'world.json')
  writeFileSync(file, typeof world === 'string' ? world : JSON.stringify(world))
  return file
}

const base = {
  data_sources: [{ uid: 'ds', engine: 'postgresql', connection_string: 'postgresql://${PGHOST_FOR_TEST}/x', capabilities: ['select'] }],
  meta_tables: [{ uid: 'mt', data_source_uid: 'ds', schema: 'public', table: 't', owner: 'p' }],
  principals: [{ id: 'p', tokens: ['a-token-of-sixteen-chars'] }],
  grants: [],
}

describe('loadWorld', () => {
  it('loads the demo world and resolves its seed next to the file', () => {
    const world = loadWorld(DEMO)
    const source = world.data_sources[0]!
    expect(source.engine).toBe('pglite')
    expect(source.seed?.[0]).toBe(join(import.meta.dirname, '../../worlds/demo/seed.sql'))
  })

  it('expands ${NAME} in connection strings from the environment', () => {
    const world = loadWorld(worldFile(base), { PGHOST_FOR_TEST: 'db.internal' })
    expect(world.data_sources[0]).toMatchObject({ connection_string: 'postgresql://db.internal/x' })
  })

  it('names an unset environment variable', () => {
    expect(() => loadWorld(worldFile(base), {})).toThrow(/PGHOST_FOR_TEST is not set/)
  })

  it('rejects a world off its schema, naming the pointer', () => {
    const error = catchWorldError(() => loadWorld(worldFile({ ...base, data_sources: [{ ...base.data_sources[0], capabilities: ['drop'] }] }), {}))
    expect(error.problems.some((p) => p.startsWith('/data_sources/0/capabilities/0'))).toBe(true)
  })

  it('rejects references to missing data sources, principals and MetaTables', () => {
    const error = catchWorldError(() =>
      loadWorld(
        worldFile({
          ...base,
          meta_tables: [{ uid: 'mt', data_source_uid: 'nope', schema: 'public', table: 't', owner: 'ghost' }],
          grants: [{ principal: 'ghost', meta_table_uid: 'missing', access: 'read' }],
        }),
        { PGHOST_FOR_TEST: 'h' },
      ),
    )
    expect(error.problems).toEqual([
      '/meta_tables/0/data_source_uid: no data source nope',
      '/meta_tables/0/owner: no principal ghost',
      '/grants/0/principal: no principal ghost',
      '/grants/0/meta_table_uid: no MetaTable missing',
    ])
  })

  it('rejects a token shared by two principals', () => {
    const token = 'a-token-of-sixteen-chars'
    const error = catchWorldError(() =>
      loadWorld(worldFile({ ...base, principals: [{ id: 'p', tokens: [token] }, { id: 'q', tokens: [token] }] }), { PGHOST_FOR_TEST: 'h' }),
    )
    expect(error.problems.some((p) => p.includes('shared by two principals'))).toBe(true)
  })

  it('reports a file that is not JSON', () => {
    expect(() => loadWorld(worldFile('{'))).toThrow(WorldError)
  })
})

function catchWorldError(run: () => unknown): WorldError {
  try {
    run()
  } catch (error) {
    if (error instanceof WorldError) return error
    throw error
  }
  throw new Error('expected a WorldError')
}
