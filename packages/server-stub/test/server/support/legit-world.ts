import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startStubServer, type RunningStubServer } from '../../../src/index.js'
import { LEGIT_TABLES, type LegitTable } from './legit-corpus.js'
import { legitTemplate, type LegitDatabase } from './legit-database.js'
import type { Backend } from './test-world.js'

export { legitTemplate, type LegitDatabase, type LegitTemplate } from './legit-database.js'

/** The data source every legit world declares. */
export const LEGIT_DATA_SOURCE = '0d5e0000-0000-4000-8000-00000000da7a'

/** The MetaTable uid of each corpus table. */
export const LEGIT_UIDS: Readonly<Record<LegitTable, string>> = {
  'public.account': '0d5e0000-0000-4000-8000-00000000acc0',
  'public.asset': '0d5e0000-0000-4000-8000-00000000a55e',
  'public.price': '0d5e0000-0000-4000-8000-00000000b41c',
  'public.trade': '0d5e0000-0000-4000-8000-000000007ade',
  'market.venue': '0d5e0000-0000-4000-8000-00000000ee00',
}

/** The principal that owns every MetaTable of a legit world (owners hold write implicitly). */
export const LEGIT_OWNER = { id: 'corpus-owner', token: 'corpus-owner-token-0000000001' } as const

/** What a legit world holds besides the corpus tables and their owner. */
export interface LegitWorldOptions {
  /** More MetaTables on the same data source, owned by {@link LEGIT_OWNER}. */
  readonly extraTables?: readonly { readonly uid: string; readonly schema: string; readonly table: string }[]
  readonly principals?: readonly Record<string, unknown>[]
  readonly grants?: readonly Record<string, unknown>[]
  readonly limits?: Record<string, unknown>
  readonly capabilities?: readonly string[]
}

/** Writes a world serving `database`: one MetaTable per corpus table, all owned by {@link LEGIT_OWNER}. */
export function writeLegitWorld(database: LegitDatabase, options: LegitWorldOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'legit-world-'))
  const tables = [
    ...LEGIT_TABLES.map((name) => {
      const [schema, table] = name.split('.') as [string, string]
      return { uid: LEGIT_UIDS[name], schema, table }
    }),
    ...(options.extraTables ?? []),
  ]
  const world = {
    data_sources: [
      {
        uid: LEGIT_DATA_SOURCE,
        capabilities: options.capabilities ?? ['select', 'insert', 'update', 'delete', 'upsert'],
        ...database.source,
      },
    ],
    meta_tables: tables.map((t) => ({ ...t, data_source_uid: LEGIT_DATA_SOURCE, owner: LEGIT_OWNER.id })),
    principals: [{ id: LEGIT_OWNER.id, tokens: [LEGIT_OWNER.token] }, ...(options.principals ?? [])],
    grants: options.grants ?? [],
    ...(options.limits !== undefined && { limits: options.limits }),
  }
  const file = join(dir, 'world.json')
  writeFileSync(file, JSON.stringify(world, null, 2))
  return file
}

/** A server over a private, pristine copy of the corpus database. */
export interface LegitServer {
  readonly server: RunningStubServer
  readonly database: LegitDatabase
  /** Stops the server and deletes the copy. */
  stop(): Promise<void>
}

/** Seeds the corpus (plus `extraSeed`) for `backend` and serves one copy of it with a legit world. */
export async function startLegitServer(backend: Backend, options: LegitWorldOptions & { readonly extraSeed?: readonly string[] } = {}): Promise<LegitServer> {
  const template = await legitTemplate(backend, options.extraSeed)
  let database: LegitDatabase | undefined
  try {
    database = await template.copy()
    const server = await startStubServer({ configFile: writeLegitWorld(database, options), port: 0, accessLog: () => {} })
    const copy = database
    return {
      server,
      database: copy,
      async stop() {
        await server.close()
        await copy.drop()
        await template.drop()
      },
    }
  } catch (error) {
    await database?.drop()
    await template.drop()
    throw error
  }
}
