import type { CompiledSqlOperation, OperationKind } from '@compiled-sql/protocol'
import type { PrincipalConfig, DataSourceConfig } from '../world/world-schema.js'
import type { Registry } from '../world/registry.js'
import { ProtocolError } from './protocol-error.js'

/** One declared MetaTable, resolved to its table. */
export interface ResolvedRelation {
  readonly metaTableUid: string
  readonly schema: string
  readonly table: string
  readonly alias?: string
  readonly access: 'read' | 'write'
}

/** A scope the caller may use: its data source and its tables. */
export interface ResolvedScope {
  readonly dataSource: DataSourceConfig
  readonly relations: readonly ResolvedRelation[]
}

function rejectDuplicates(tables: CompiledSqlOperation['scope']['tables']): void {
  const uids = new Set<string>()
  const aliases = new Set<string>()
  for (const table of tables) {
    if (uids.has(table.meta_table_uid)) {
      throw new ProtocolError('duplicate_scope_table', `MetaTable ${table.meta_table_uid} is declared twice`, {
        details: { meta_table_uid: table.meta_table_uid },
      })
    }
    uids.add(table.meta_table_uid)
    if (table.alias !== undefined) {
      if (aliases.has(table.alias)) throw new ProtocolError('duplicate_scope_table', `alias ${table.alias} is declared twice`)
      aliases.add(table.alias)
    }
  }
}

/**
 * Checks a declared scope against the registry, in the protocol's order:
 * every MetaTable exists and is visible to the caller (an invisible one is
 * reported exactly as a missing one), the caller holds the requested access,
 * the data source exists (derived from the MetaTables when omitted, never
 * mixed), and its capabilities allow the operation.
 *
 * @throws {ProtocolError}
 */
export function resolveScope(
  scope: CompiledSqlOperation['scope'],
  operation: OperationKind,
  principal: PrincipalConfig,
  registry: Registry,
): ResolvedScope {
  rejectDuplicates(scope.tables)
  // Check 2 for every table before check 3 for any: a caller learns nothing about
  // access to one table while another scoped table is missing or invisible to it.
  const found = scope.tables.map((declared) => {
    const metaTable = registry.metaTable(declared.meta_table_uid)
    const held = registry.access(principal.id, declared.meta_table_uid)
    if (metaTable === undefined || held === 'none') {
      throw new ProtocolError('meta_table_not_found', `MetaTable ${declared.meta_table_uid} does not exist`, {
        details: { meta_table_uid: declared.meta_table_uid },
      })
    }
    return { declared, metaTable, held }
  })
  const relations: ResolvedRelation[] = found.map(({ declared, metaTable, held }) => {
    const access = declared.access ?? 'read'
    if (access === 'write' && held !== 'write') {
      throw new ProtocolError('access_denied', `you hold read access, not write, on MetaTable ${declared.meta_table_uid}`, {
        details: { meta_table_uid: declared.meta_table_uid },
      })
    }
    return {
      metaTableUid: metaTable.uid,
      schema: metaTable.schema,
      table: metaTable.table,
      access,
      ...(declared.alias !== undefined && { alias: declared.alias }),
    }
  })
  const dataSource = resolveDataSource(scope.data_source_uid, found.map(({ metaTable }) => metaTable.data_source_uid), registry)
  if (!dataSource.capabilities.includes(operation)) {
    throw new ProtocolError('operation_not_permitted', `data source ${dataSource.uid} does not allow ${operation}`, {
      details: { data_source_uid: dataSource.uid },
    })
  }
  return { dataSource, relations }
}

function resolveDataSource(explicit: string | undefined, tableDataSources: readonly string[], registry: Registry): DataSourceConfig {
  const used = [...new Set(tableDataSources)]
  if (explicit === undefined) {
    if (used.length > 1) {
      throw new ProtocolError('mixed_data_sources', `the scoped MetaTables live on ${used.length} data sources; declare one scope per data source`, {
        details: { data_source_uids: used },
      })
    }
    return registry.dataSource(used[0]!)!
  }
  const dataSource = registry.dataSource(explicit)
  if (dataSource === undefined) {
    throw new ProtocolError('data_source_not_found', `data source ${explicit} does not exist`, { details: { data_source_uid: explicit } })
  }
  const elsewhere = used.filter((uid) => uid !== explicit)
  if (elsewhere.length > 0) {
    throw new ProtocolError('data_source_mismatch', `a scoped MetaTable lives on data source ${elsewhere[0]}, not ${explicit}`, {
      details: { data_source_uid: explicit, data_source_uids: used },
    })
  }
  return dataSource
}
