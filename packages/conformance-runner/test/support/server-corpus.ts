import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { REPO } from './cli.js'
import { tempDir } from './fixtures.js'

/** The real server corpus of the repository. */
export const SERVER_CORPUS = join(REPO, 'conformance-fixtures/compiled-sql.v1/server')

/** The execute-operation route of the legacy family. */
export const EXECUTE = '/orm/api/ts_manager/meta_table/execute-operation/'

/** The asset MetaTable of the corpus world. */
export const ASSET_UID = '7ab1e000-0000-4000-8000-000000000002'

/** A small valid server case: the analyst reads BTC's decimals. */
export function serverCase(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    description: `case ${id}`,
    tags: ['test'],
    caller: 'analyst',
    request: {
      path: EXECUTE,
      json: {
        operation: 'select',
        version: 'compiled-sql.v1',
        statement: { sql: 'SELECT a.decimals FROM public.asset AS a WHERE a.symbol = %(symbol)s', parameters: { symbol: 'BTC' } },
        scope: { tables: [{ meta_table_uid: ASSET_UID }] },
      },
    },
    expect: { status: 200, rows: [{ decimals: 8 }] },
    ...extra,
  }
}

/**
 * A corpus directory with `cases` at `<group>/<name>.json` (or `raw` files
 * at their paths) and a world: the real world and seeds of the repository
 * when `realWorld`, else a world of principals only (enough to load).
 */
export function serverCorpus(cases: ReadonlyArray<Record<string, unknown>>, options: { realWorld?: boolean; raw?: Record<string, string> } = {}): string {
  const dir = tempDir('server-corpus-')
  if (options.realWorld === true) {
    for (const file of ['world.json', 'seed.sql', 'seed-archive.sql']) cpSync(join(SERVER_CORPUS, file), join(dir, file))
  } else {
    writeFileSync(join(dir, 'world.json'), JSON.stringify({ principals: [{ id: 'analyst', tokens: ['conformance-analyst-token-0001'] }, { id: 'owner', tokens: ['conformance-owner-token-0001'] }] }))
  }
  for (const serverCase of cases) write(join(dir, `${String(serverCase.id).replace('.', '/')}.json`), `${JSON.stringify(serverCase, null, 2)}\n`)
  for (const [path, text] of Object.entries(options.raw ?? {})) write(join(dir, path), text)
  return dir
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
}
