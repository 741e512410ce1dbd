import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The MetaTable of the benchmark table. */
export const ITEM_META_TABLE = '17e17e17-0000-4000-8000-000000000001'
/** The bearer token of the benchmark's principal. */
export const BENCH_TOKEN = 'bench-token-0000000000000001'

const DATA_SOURCE = '17e17e17-0000-4000-8000-0000000000d5'

/**
 * Writes a world with one PostgreSQL data source (the scratch database, its
 * pool as large as the raw `pg.Pool` it is compared with), the item table as a
 * MetaTable, and one principal without a rate limit. Nothing is seeded by the
 * server: the benchmark seeded the database already.
 */
export function writeBenchWorld(connectionString: string, poolSize: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'stub-bench-world-'))
  const world = {
    data_sources: [{ uid: DATA_SOURCE, engine: 'postgresql', connection_string: connectionString, pool_size: poolSize, capabilities: ['select'] }],
    meta_tables: [{ uid: ITEM_META_TABLE, data_source_uid: DATA_SOURCE, schema: 'public', table: 'item', owner: 'bench' }],
    principals: [{ id: 'bench', tokens: [BENCH_TOKEN] }],
    grants: [],
  }
  const file = join(dir, 'world.json')
  writeFileSync(file, JSON.stringify(world, null, 2))
  return file
}

/** The execute-operation envelope of the indexed select for one key. */
export function selectEnvelope(sql: string, id: number): Record<string, unknown> {
  return {
    operation: 'select',
    version: 'compiled-sql.v1',
    dialect: 'postgresql',
    statement: { sql, parameters: { id }, paramstyle: 'pyformat' },
    scope: { tables: [{ meta_table_uid: ITEM_META_TABLE, alias: 'i', access: 'read' }] },
    limits: { max_rows: 1000, offset: 0, statement_timeout_ms: 15000 },
  }
}
