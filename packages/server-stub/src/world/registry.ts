import { createHash } from 'node:crypto'
import type { DataSourceConfig, MetaTableConfig, PrincipalConfig, World, WorldLimits } from './world-schema.js'

/** The access a principal holds on a MetaTable. */
export type Access = 'none' | 'read' | 'write'

/** The server limits with every default filled in. */
export type ResolvedLimits = Required<WorldLimits>

const DEFAULT_LIMITS: ResolvedLimits = {
  page_cap: 1000,
  max_body_bytes: 1024 * 1024,
  max_sql_length: 100_000,
  max_parameters: 10_000,
  max_statement_timeout_ms: 60_000,
  run_query_max_rows: 1000,
}

/**
 * The lookups the request pipeline needs over a validated world: callers by
 * token, MetaTables and data sources by uid, and each caller's access.
 */
export class Registry {
  /** Changes whenever the world does; part of the SQL analysis cache key. */
  readonly version: string
  readonly limits: ResolvedLimits
  readonly #principalsByToken = new Map<string, PrincipalConfig>()
  readonly #metaTables = new Map<string, MetaTableConfig>()
  readonly #dataSources = new Map<string, DataSourceConfig>()
  readonly #access = new Map<string, Access>()

  constructor(world: World) {
    this.version = createHash('sha256').update(JSON.stringify(world)).digest('hex').slice(0, 16)
    this.limits = { ...DEFAULT_LIMITS, ...world.limits }
    for (const principal of world.principals) for (const token of principal.tokens) this.#principalsByToken.set(token, principal)
    for (const source of world.data_sources) this.#dataSources.set(source.uid, source)
    for (const table of world.meta_tables) {
      this.#metaTables.set(table.uid, table)
      this.#access.set(accessKey(table.owner, table.uid), 'write')
    }
    for (const grant of world.grants) {
      const key = accessKey(grant.principal, grant.meta_table_uid)
      if (this.#access.get(key) !== 'write') this.#access.set(key, grant.access)
    }
  }

  /** The principal a bearer token authenticates, if any. */
  principalByToken(token: string): PrincipalConfig | undefined {
    return this.#principalsByToken.get(token)
  }

  /** A MetaTable by uid, whether or not a given caller may see it. */
  metaTable(uid: string): MetaTableConfig | undefined {
    return this.#metaTables.get(uid)
  }

  /** A data source by uid. */
  dataSource(uid: string): DataSourceConfig | undefined {
    return this.#dataSources.get(uid)
  }

  /** Every data source, for start-up and shutdown. */
  dataSources(): readonly DataSourceConfig[] {
    return [...this.#dataSources.values()]
  }

  /** The access `principalId` holds on a MetaTable: owners write, grants give read or write, others nothing. */
  access(principalId: string, metaTableUid: string): Access {
    return this.#access.get(accessKey(principalId, metaTableUid)) ?? 'none'
  }
}

function accessKey(principalId: string, metaTableUid: string): string {
  return `${principalId}\u0000${metaTableUid}`
}
