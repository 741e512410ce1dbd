import type { AnalysisError, AnalysisInput, AnalysisResult, ParameterHint, SqlGuard } from './analysis-types.js'
import { GuardError } from './guard-error.js'
import { parseForPolicy } from './parse-statement.js'
import { loadParsers, type Parsers } from './parsers.js'
import { ScopeIndex } from './relation-resolver.js'
import { rawSql, rewritePlaceholders, type RewrittenSql } from './rewrite-placeholders.js'
import { checkKind, classify } from './statement-kind.js'
import { TextOffsets } from './text-offsets.js'
import { TreeChecker, type CheckOutcome } from './tree-checker.js'

export type * from './analysis-types.js'

/**
 * Loads the SQL checker: awaits PostgreSQL's scanner and parsers (WASM,
 * both grammars) once. Every `analyze` call after that is synchronous.
 *
 * @example
 * ```ts
 * const guard = await loadSqlGuard()
 * const result = guard.analyze({ sql: 'SELECT a.uid FROM public.asset a WHERE a.symbol = %(s)s', operation: 'select',
 *   parameters: 'named', scope, searchPath: ['public'], literalPolicy: 'allow', grammar: 15 })
 * if (result.ok) pool.query(result.text, values)
 * ```
 */
export async function loadSqlGuard(): Promise<SqlGuard> {
  const parsers = await loadParsers()
  return { analyze: (input) => analyzeStatement(parsers, input) }
}

/**
 * Steps 4 to 8 of the protocol's checks for one statement: placeholders,
 * parse, statement kind, the fail-closed tree walk, and the literal policy.
 * A pure function of its input.
 */
export function analyzeStatement(parsers: Parsers, input: AnalysisInput): AnalysisResult {
  let rewritten: RewrittenSql | undefined
  try {
    // run_query carries raw SQL; every other operation carries pyformat.
    rewritten = input.operation === 'run_query' ? rawSql(input.sql) : rewritePlaceholders(parsers, input.sql, input.parameters, input.mergedParameters)
    const index = new ScopeIndex(input.scope, input.searchPath)
    const read = input.operation === 'select' || input.operation === 'run_query'
    let outcome: CheckOutcome | undefined
    let statementKind = ''
    let hasOrderBy = false
    for (const statement of parseForPolicy(parsers, input.grammar, rewritten.text)) {
      const kind = classify(statement.type, statement.body)
      checkKind(input.operation, kind, statement.body)
      const checked = new TreeChecker(index, { read, strict: input.literalPolicy === 'strict' }).check(statement.type, statement.body)
      if (outcome === undefined) {
        // The PostgreSQL 15 tree, the policy grammar, comes first and describes the statement.
        outcome = checked
        statementKind = input.operation === 'upsert' || input.operation === 'insert' ? input.operation : kind
        const sort = statement.body['sortClause']
        hasOrderBy = statement.type === 'SelectStmt' && Array.isArray(sort) && sort.length > 0
      }
    }
    return {
      ok: true,
      text: rewritten.text,
      placeholders: rewritten.placeholders,
      hints: hintsFor(rewritten, outcome),
      statementKind,
      writes: outcome?.writes ?? [],
      hasOrderBy,
      positions: rewritten.positions,
    }
  } catch (error) {
    if (error instanceof GuardError) {
      const failure = { ok: false as const, error: toAnalysisError(error, input.sql, rewritten) }
      return rewritten === undefined ? failure : { ...failure, placeholders: rewritten.placeholders }
    }
    throw error
  }
}

function hintsFor(rewritten: RewrittenSql, outcome: CheckOutcome | undefined): ParameterHint[] {
  return rewritten.placeholders.map(({ number }) => {
    const uses = outcome?.parameterUses.get(number)
    return { number, anyArgument: uses !== undefined && uses.anyUses > 0 && uses.anyUses === uses.uses }
  })
}

function toAnalysisError(error: GuardError, sql: string, rewritten: RewrittenSql | undefined): AnalysisError {
  let position: number | undefined
  const location = error.location
  if (location !== undefined && 'original' in location) {
    position = new TextOffsets(sql).positionOfIndex(location.original)
  } else if (location !== undefined && 'rewrittenByte' in location) {
    position = rewritten?.positions.fromRewrittenByte(location.rewrittenByte)
  } else if (location !== undefined) {
    position = rewritten?.positions.fromDatabasePosition(location.rewrittenCodePoint + 1)
  }
  return {
    code: error.code,
    message: error.message,
    ...(position !== undefined && { position }),
    ...(error.details !== undefined && { details: error.details }),
  }
}
