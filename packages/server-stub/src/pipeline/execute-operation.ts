import type { CompiledSqlOperation, SelectResult, Warning, WriteResult } from '@compiled-sql/protocol'
import { stringify } from 'lossless-json'
import { bindParameters, type ExecutionRequest, type ExecutionResult, type TransactionHandle } from '../exec/index.js'
import type { JsonBody } from '../http/json-body.js'
import type { HandledRequest } from '../http/server.js'
import type { AnalysisResult, AnalysisSuccess } from '../sql/index.js'
import type { PrincipalConfig } from '../world/world-schema.js'
import { analysisRefusal } from './analysis-refusal.js'
import { checkEnvelope } from './check-envelope.js'
import { checkParameters } from './check-parameters.js'
import { asProtocolError } from './database-error.js'
import { IdempotencyStore } from './idempotency-store.js'
import { isUnprovableGroupBy, mergeEqualParameters } from './merge-equal-parameters.js'
import type { DataSourceRuntime, PipelineContext } from './pipeline-context.js'
import { ProtocolError } from './protocol-error.js'
import { resolveScope, type ResolvedScope } from './resolve-scope.js'

const DEFAULT_MAX_ROWS = 1000
const DEFAULT_TIMEOUT_MS = 15_000

/**
 * Handles one execute-operation request: the protocol's checks in order
 * (envelope, visibility, access and data source, parameters, parse, kind,
 * scope walk), then one execution in its own transaction, and the result in
 * the shape the upstream SDK's pagination loop reads.
 *
 * @throws {ProtocolError}
 */
export async function executeOperation(
  context: PipelineContext,
  principal: PrincipalConfig,
  body: JsonBody,
  idempotencyKey: string | undefined,
): Promise<HandledRequest> {
  const envelope = checkEnvelope(body.value)
  const scope = resolveScope(envelope.scope, envelope.operation, principal, context.registry)
  const runtime = context.dataSources.get(scope.dataSource.uid)
  if (runtime === undefined) throw new ProtocolError('service_unavailable', `data source ${scope.dataSource.uid} is not connected`)
  const limits = context.registry.limits
  const { statement } = envelope
  if (statement.sql.length > limits.max_sql_length) {
    throw new ProtocolError('sql_too_long', `statement.sql has ${statement.sql.length} characters; the limit is ${limits.max_sql_length}`, {
      details: { limit: limits.max_sql_length },
    })
  }
  const exactParameters = (body.exact as { statement?: { parameters?: unknown } }).statement?.parameters ?? {}
  const parameterCount = Array.isArray(exactParameters) ? exactParameters.length : Object.keys(exactParameters as object).length
  if (parameterCount > limits.max_parameters) {
    throw new ProtocolError('too_many_parameters', `the statement binds ${parameterCount} parameters; the limit is ${limits.max_parameters}`, {
      details: { limit: limits.max_parameters },
    })
  }
  const style = Array.isArray(exactParameters) ? 'positional' : 'named'
  const first = analyze(context, envelope, scope, runtime, style)
  if (!first.ok) {
    // Check 4 (parameters) comes before checks 5-7: a parameter error outranks the SQL rule that failed.
    if (first.placeholders !== undefined) checkParameters(statement, exactParameters, first.placeholders.map((p) => p.name))
    throw analysisRefusal(first.error)
  }
  const names = first.placeholders.map((p) => p.name)
  const values = checkParameters(statement, exactParameters, names)
  const session = {
    searchPath: scope.dataSource.search_path ?? ['public'],
    statementTimeoutMs: Math.min(envelope.limits?.statement_timeout_ms ?? DEFAULT_TIMEOUT_MS, limits.max_statement_timeout_ms),
  }
  const prepare = (analysis: AnalysisSuccess): PreparedStatement => {
    const placeholderNames = analysis.placeholders.map((p) => p.name)
    const parameterTypes = statement.parameter_types && { parameterTypes: statement.parameter_types }
    const bound = bindParameters({ values, names: placeholderNames, ...parameterTypes, hints: analysis.hints })
    if (!bound.ok) asProtocolError(bound.error)
    return { analysis, request: { text: analysis.text, parameters: bound.parameters, ...session } }
  }
  // A GROUP BY expression written twice with two bind names fails (42803) where
  // client-side interpolation would not: retry once with equal values merged.
  const withMergeRetry = async <T>(run: (prepared: PreparedStatement) => Promise<T>): Promise<T> => {
    try {
      return await run(prepare(first))
    } catch (error) {
      const merged = style === 'named' && isUnprovableGroupBy(error) ? mergeEqualParameters(values, names, statement.parameter_types) : undefined
      if (merged === undefined) throw error
      const retried = analyze(context, envelope, scope, runtime, style, merged)
      if (!retried.ok) throw analysisRefusal(retried.error)
      return run(prepare(retried))
    }
  }
  const log = { operation: envelope.operation, meta_table_uids: scope.relations.map((r) => r.metaTableUid) }
  const resolved = { meta_table_uids: log.meta_table_uids, data_source_uid: scope.dataSource.uid }
  if (envelope.operation === 'select') {
    const offset = envelope.limits?.offset ?? 0
    const maxRows = envelope.limits?.max_rows ?? DEFAULT_MAX_ROWS
    const limit = Math.min(maxRows, limits.page_cap)
    const page = await withMergeRetry(async ({ analysis, request }) => {
      const result = await runtime.executor.execute({ ...request, mode: 'read', page: { offset, limit } }).catch((e: unknown) => asProtocolError(e, analysis.positions, analysis.placeholders))
      return selectResult(result, { offset, limit, maxRows, ordered: analysis.hasOrderBy }, resolved)
    })
    return { body: page, log }
  }
  const toBody = (result: ExecutionResult) => writeResult(result, envelope, resolved)
  const write = (beforeCommit?: BeforeCommit) =>
    withMergeRetry(({ analysis, request }) =>
      runtime.executor
        .execute({ ...request, mode: 'write', maxReturnedRows: envelope.limits?.max_rows ?? DEFAULT_MAX_ROWS, ...(beforeCommit && { beforeCommit }) })
        .catch((e: unknown) => asProtocolError(e, analysis.positions, analysis.placeholders)),
    )
  if (idempotencyKey === undefined) return { body: toBody(await write()), log }
  const digest = IdempotencyStore.digest(stringify(body.exact) ?? '')
  return { body: await idempotentWrite(runtime.idempotency, { principal: principal.id, key: idempotencyKey, digest }, write, toBody), log }
}

/** A checked statement and the executor request that runs it. */
interface PreparedStatement {
  readonly analysis: AnalysisSuccess
  readonly request: Omit<ExecutionRequest, 'mode'>
}

/** Runs in a write's transaction, after the statement, before COMMIT. */
type BeforeCommit = (tx: TransactionHandle, result: ExecutionResult) => Promise<void>

/** Whose key, which key, and the digest of the body it protects. */
interface IdempotencyClaim {
  readonly principal: string
  readonly key: string
  readonly digest: string
}

function analyze(
  context: PipelineContext,
  envelope: CompiledSqlOperation,
  scope: ResolvedScope,
  runtime: DataSourceRuntime,
  parameters: 'named' | 'positional',
  mergedParameters?: ReadonlyMap<string, string>,
): AnalysisResult {
  return context.guard.analyze({
    ...(mergedParameters !== undefined && { mergedParameters }),
    sql: envelope.statement.sql,
    operation: envelope.operation,
    parameters,
    scope: scope.relations,
    searchPath: scope.dataSource.search_path ?? ['public'],
    literalPolicy: scope.dataSource.literal_policy ?? 'allow',
    grammar: runtime.grammar,
  })
}

/**
 * Runs a write under an Idempotency-Key: a stored result of the same body is
 * returned without executing; otherwise the write runs and its result is
 * recorded in the same transaction.
 */
async function idempotentWrite(
  store: IdempotencyStore,
  claim: IdempotencyClaim,
  write: (beforeCommit: BeforeCommit) => Promise<ExecutionResult>,
  toBody: (result: ExecutionResult) => Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const lookup = () => store.lookup(claim.principal, claim.key, claim.digest).catch((e: unknown) => asProtocolError(e))
  const stored = await lookup()
  if (stored.kind === 'replay') return stored.body
  try {
    return toBody(await write((tx, result) => store.record(tx, claim.principal, claim.key, claim.digest, toBody(result))))
  } catch (error) {
    // A concurrent request with the same key may have committed first. Then our
    // write rolled back: on the key itself (unique_violation), or on whatever
    // state the winner's write left (a constraint, a conflict). Its result stands.
    if (error instanceof ProtocolError && !error.code.startsWith('idempotency')) {
      const winner = await lookup()
      if (winner.kind === 'replay') return winner.body
    }
    throw error
  }
}

interface Page {
  readonly offset: number
  readonly limit: number
  readonly maxRows: number
  readonly ordered: boolean
}

function selectResult(result: ExecutionResult, page: Page, scope: SelectResult['scope']): Record<string, unknown> & SelectResult {
  const returned = result.rows.length
  const warnings: Warning[] = []
  if (!page.ordered && (result.hasMore || page.offset > 0)) {
    warnings.push({ code: 'unordered_pagination', message: 'this read is paged but has no ORDER BY, so its pages are not stable' })
  }
  return {
    ok: true,
    operation: 'select',
    dialect: 'postgresql',
    row_count: returned,
    rows: result.rows as SelectResult['rows'],
    columns: [...result.columns],
    truncated: result.hasMore,
    max_rows: page.maxRows,
    pagination: {
      limit: page.limit,
      offset: page.offset,
      returned_count: returned,
      has_more: result.hasMore,
      next_offset: result.hasMore ? page.offset + returned : null,
    },
    scope,
    ...(warnings.length > 0 && { warnings }),
  }
}

function writeResult(result: ExecutionResult, envelope: CompiledSqlOperation, scope: WriteResult['scope']): Record<string, unknown> & WriteResult {
  return {
    ok: true,
    operation: envelope.operation as WriteResult['operation'],
    dialect: 'postgresql',
    row_count: result.rowCount,
    rows: result.rows as WriteResult['rows'],
    columns: [...result.columns],
    truncated: result.truncated,
    max_rows: envelope.limits?.max_rows ?? DEFAULT_MAX_ROWS,
    scope,
  }
}
