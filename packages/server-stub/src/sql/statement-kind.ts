import type { AnalyzedOperation } from './analysis-types.js'
import { GuardError } from './guard-error.js'
import { unwrap, type NodeBody } from './tree-walker.js'

/** The kinds a statement can be, as `operation` names them, plus `explain`. */
export type StatementKind = 'select' | 'insert' | 'upsert' | 'update' | 'delete' | 'explain'

/** Whether an EXPLAIN executes its query: any ANALYZE option, even `ANALYZE false`, counts. */
function explainAnalyzes(body: NodeBody): boolean {
  const options = Array.isArray(body['options']) ? body['options'] : []
  return options.some((option) => unwrap(option)?.body['defname'] === 'analyze')
}

/**
 * The kind of a top-level statement. An INSERT with ON CONFLICT DO NOTHING
 * is `insert`-compatible and reported as `upsert`; {@link checkKind} accepts it for both.
 *
 * @throws {GuardError} `statement_not_allowed` for every statement that is
 *   never allowed (MERGE, COPY, DO, CALL, SET, DDL, EXPLAIN ANALYZE, ...).
 */
export function classify(type: string, body: NodeBody): StatementKind {
  switch (type) {
    case 'SelectStmt':
      return 'select'
    case 'InsertStmt':
      return body['onConflictClause'] === undefined ? 'insert' : 'upsert'
    case 'UpdateStmt':
      return 'update'
    case 'DeleteStmt':
      return 'delete'
    case 'ExplainStmt':
      if (!explainAnalyzes(body)) return 'explain'
      throw new GuardError('statement_not_allowed', 'EXPLAIN ANALYZE executes its statement and is not allowed', undefined, {
        statement_kind: 'ExplainStmt',
      })
    default:
      throw new GuardError('statement_not_allowed', `${type} statements are not allowed`, undefined, { statement_kind: type })
  }
}

const doesUpdate = (body: NodeBody): boolean => (body['onConflictClause'] as NodeBody | undefined)?.['action'] === 'ONCONFLICT_UPDATE'

/**
 * Checks that the statement is of the kind `operation` declares.
 * `insert` takes an INSERT without ON CONFLICT DO UPDATE; `upsert` an INSERT
 * with any ON CONFLICT; `run_query` a read (SELECT, or EXPLAIN of one).
 *
 * @throws {GuardError} `statement_kind_mismatch`, or `statement_not_allowed`
 *   for anything but a read through `run_query`.
 */
export function checkKind(operation: AnalyzedOperation, kind: StatementKind, body: NodeBody): void {
  if (operation === 'run_query') {
    if (kind === 'select') return
    const query = kind === 'explain' ? unwrap(body['query']) : undefined
    if (query?.type === 'SelectStmt') return
    throw new GuardError('statement_not_allowed', 'run_query only reads: SELECT, WITH, or EXPLAIN of a SELECT', undefined, {
      statement_kind: kind === 'explain' ? `explain ${query?.type ?? ''}`.trim() : kind,
    })
  }
  const matches = operation === 'insert' ? kind === 'insert' || (kind === 'upsert' && !doesUpdate(body)) : operation === kind
  if (!matches) {
    throw new GuardError(
      'statement_kind_mismatch',
      `the statement is ${article(kind)} ${kind}, not ${article(operation)} ${operation}`,
      undefined,
      {
        statement_kind: kind,
      },
    )
  }
}

const article = (word: string): string => ('aeiou'.includes(word.charAt(0)) ? 'an' : 'a')
