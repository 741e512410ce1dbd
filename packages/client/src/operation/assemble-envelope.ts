import { DEFAULT_LIMITS, DIALECT, PARAMSTYLE, PROTOCOL_VERSION } from '@compiled-sql/protocol'
import { encodeParameters } from '../parameters/encode-parameters.js'
import type { OperationInput } from './operation-input.js'
import { asRecord, readSpelled, rejectUnknownKeys } from './spelling.js'

const TOP_KEYS: ReadonlySet<string> = new Set(['operation', 'sql', 'parameters', 'parameterTypes', 'scope', 'limits', 'version', 'dialect', 'paramstyle'])
const SCOPE_KEYS: ReadonlySet<string> = new Set(['dataSourceUid', 'data_source_uid', 'tables'])
const TABLE_KEYS: ReadonlySet<string> = new Set(['metaTableUid', 'meta_table_uid', 'alias', 'access', 'reservedPolicy', 'reserved_policy'])
const META_TABLE_UID = { camel: 'metaTableUid', snake: 'meta_table_uid' } as const
const RESERVED_POLICY = { camel: 'reservedPolicy', snake: 'reserved_policy' } as const
// Pointers of the first scope tables, built once: a path is only read when an error is raised, but it is passed on every call.
const TABLE_PATHS: readonly string[] = Array.from({ length: 16 }, (_, i) => `/scope/tables/${i}`)
const LIMIT_KEYS: ReadonlySet<string> = new Set(['maxRows', 'max_rows', 'offset', 'statementTimeoutMs', 'statement_timeout_ms'])


/**
 * Reads the scope's data source in either spelling, before resolution.
 *
 * @example
 * ```ts
 * explicitDataSourceUid({ operation: 'select', sql: 'SELECT 1', scope: { data_source_uid: 'd1', tables } }) // 'd1'
 * ```
 */
export function explicitDataSourceUid(input: OperationInput): string | undefined {
  const scope = asRecord(asRecord(input, '').scope, '/scope')
  return readSpelled(scope, { camel: 'dataSourceUid', snake: 'data_source_uid' }, '/scope') as string | undefined
}

/**
 * Builds the snake_case envelope, in the upstream SDK's key order, with the
 * constants, defaults and encoded parameters filled in. Not yet validated:
 * that is `validatedEnvelope`'s job.
 *
 * @example
 * ```ts
 * assembleEnvelope(input, 'dddddddd-dddd-4ddd-8ddd-dddddddddddd')
 * ```
 */
export function assembleEnvelope(input: OperationInput, dataSourceUid: string): Record<string, unknown> {
  const top = asRecord(input, '')
  rejectUnknownKeys(top, TOP_KEYS, '')
  const scope = asRecord(top.scope, '/scope')
  rejectUnknownKeys(scope, SCOPE_KEYS, '/scope')
  const tables = Array.isArray(scope.tables) ? scope.tables.map((table: unknown, i) => scopeTable(table, TABLE_PATHS[i] ?? `/scope/tables/${i}`)) : scope.tables
  const limits = asRecord(top.limits ?? {}, '/limits')
  rejectUnknownKeys(limits, LIMIT_KEYS, '/limits')
  const encoded = encodeParameters(input.parameters ?? {}, input.parameterTypes)
  return {
    operation: input.operation,
    version: input.version ?? PROTOCOL_VERSION,
    dialect: input.dialect ?? DIALECT,
    statement:
      encoded.parameterTypes === undefined
        ? { sql: input.sql, parameters: encoded.parameters, paramstyle: input.paramstyle ?? PARAMSTYLE }
        : { sql: input.sql, parameters: encoded.parameters, parameter_types: encoded.parameterTypes, paramstyle: input.paramstyle ?? PARAMSTYLE },
    scope: { data_source_uid: dataSourceUid, tables },
    limits: {
      max_rows: readSpelled(limits, { camel: 'maxRows', snake: 'max_rows' }, '/limits') ?? DEFAULT_LIMITS.max_rows,
      offset: limits.offset ?? DEFAULT_LIMITS.offset,
      statement_timeout_ms: readSpelled(limits, { camel: 'statementTimeoutMs', snake: 'statement_timeout_ms' }, '/limits') ?? DEFAULT_LIMITS.statement_timeout_ms,
    },
  }
}

function scopeTable(value: unknown, path: string): Record<string, unknown> {
  const table = asRecord(value, path)
  rejectUnknownKeys(table, TABLE_KEYS, path)
  const metaTableUid = readSpelled(table, META_TABLE_UID, path)
  const reservedPolicy = readSpelled(table, RESERVED_POLICY, path)
  // Assigned one by one (not spread) on the hot path; undefined keys are left out, as the upstream SDK drops `None`.
  const out: Record<string, unknown> = {}
  if (metaTableUid !== undefined) out.meta_table_uid = metaTableUid
  if (table.alias !== undefined) out.alias = table.alias
  // Serialized explicitly, so the wire never depends on a server's default.
  out.access = table.access ?? 'read'
  if (reservedPolicy !== undefined) out.reserved_policy = reservedPolicy
  return out
}
