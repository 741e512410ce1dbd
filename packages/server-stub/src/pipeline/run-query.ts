import { randomUUID } from 'node:crypto'
import { validateRunQueryRequest, type RunQueryResponse } from '@compiled-sql/protocol'
import type { JsonBody } from '../http/json-body.js'
import type { HandledRequest } from '../http/server.js'
import type { PrincipalConfig } from '../world/world-schema.js'
import { analysisRefusal } from './analysis-refusal.js'
import { asProtocolError } from './database-error.js'
import type { PipelineContext } from './pipeline-context.js'
import { ProtocolError } from './protocol-error.js'

const TIMEOUT_MS = 15_000

/**
 * Handles one run_query request: a JSON string of read-only SQL (SELECT, WITH,
 * or EXPLAIN without ANALYZE) over the one MetaTable in the path, which the
 * caller must be able to read. The SQL is raw, not pyformat: it has no
 * parameters, and `%` is PostgreSQL's operator.
 *
 * @throws {ProtocolError}
 */
export async function runQuery(context: PipelineContext, principal: PrincipalConfig, metaTableUid: string, body: JsonBody): Promise<HandledRequest> {
  const checked = validateRunQueryRequest(body.value)
  if (!checked.ok) {
    const [first] = checked.errors
    throw new ProtocolError(first!.code, `the body must be a JSON string of SQL: ${first!.message}`, { details: { issues: [...checked.errors] } })
  }
  const metaTable = context.registry.metaTable(metaTableUid)
  if (metaTable === undefined || context.registry.access(principal.id, metaTableUid) === 'none') {
    throw new ProtocolError('meta_table_not_found', `MetaTable ${metaTableUid} does not exist`, { details: { meta_table_uid: metaTableUid } })
  }
  const dataSource = context.registry.dataSource(metaTable.data_source_uid)!
  const runtime = context.dataSources.get(dataSource.uid)
  if (runtime === undefined) throw new ProtocolError('service_unavailable', `data source ${dataSource.uid} is not connected`)
  const limits = context.registry.limits
  if (checked.value.length > limits.max_sql_length) {
    throw new ProtocolError('sql_too_long', `the SQL has ${checked.value.length} characters; the limit is ${limits.max_sql_length}`, {
      details: { limit: limits.max_sql_length },
    })
  }
  const searchPath = dataSource.search_path ?? ['public']
  const analysis = context.guard.analyze({
    sql: checked.value,
    operation: 'run_query',
    parameters: 'positional',
    scope: [{ metaTableUid, schema: metaTable.schema, table: metaTable.table, access: 'read' }],
    searchPath,
    literalPolicy: 'allow',
    grammar: runtime.grammar,
  })
  if (!analysis.ok) throw analysisRefusal(analysis.error)
  const result = await runtime.executor
    .execute({
      text: analysis.text,
      parameters: [],
      mode: 'read',
      searchPath,
      statementTimeoutMs: Math.min(TIMEOUT_MS, limits.max_statement_timeout_ms),
      maxReturnedRows: limits.run_query_max_rows,
    })
    .catch((e: unknown) => asProtocolError(e, analysis.positions))
  const response: RunQueryResponse = {
    ok: true,
    query_id: randomUUID(),
    meta_table_uid: metaTableUid,
    results: result.rows as RunQueryResponse['results'],
    columns: [...result.columns],
    truncated: result.truncated,
    max_rows: limits.run_query_max_rows,
    row_count: result.rows.length,
    error: null,
  }
  return { body: response as unknown as Record<string, unknown>, log: { operation: 'run_query', meta_table_uids: [metaTableUid] } }
}
