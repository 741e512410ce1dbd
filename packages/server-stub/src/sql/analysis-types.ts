import type { ErrorCode, ErrorDetails } from '@compiled-sql/protocol'
import type { PositionMap } from './position-map.js'

/** One scoped MetaTable as the SQL checker sees it: the table it stands for and the access the request declared. */
export interface ScopedRelation {
  readonly metaTableUid: string
  readonly schema: string
  readonly table: string
  /** The alias the request declared. Informational: PostgreSQL resolves names, not aliases (see relation-resolver.ts). */
  readonly alias?: string
  readonly access: 'read' | 'write'
}

/** The operation a statement claims to be. `run_query` is the read-only raw-SQL route: SELECT, WITH or EXPLAIN without ANALYZE. */
export type AnalyzedOperation = 'select' | 'insert' | 'update' | 'delete' | 'upsert' | 'run_query'

/** Everything the analysis of one statement depends on. Equal inputs give equal results, which is what makes caching sound. */
export interface AnalysisInput {
  /** `statement.sql`: pyformat, `%%` for a literal percent sign. */
  readonly sql: string
  readonly operation: AnalyzedOperation
  /** The shape of `statement.parameters`: an object (`%(name)s`) or an array (`%s`). */
  readonly parameters: 'named' | 'positional'
  readonly scope: readonly ScopedRelation[]
  /** The search_path the executor pins, e.g. `['public']`. Unqualified relation names resolve through its first schema. */
  readonly searchPath: readonly string[]
  /** `strict` rejects a constant compared directly with a column. */
  readonly literalPolicy: 'allow' | 'strict'
  /** The data source's PostgreSQL major version. Statements must also parse under 15, the policy everywhere. */
  readonly grammar: 15 | 18
  /**
   * Named parameters to bind to another parameter's `$n` (name → the name
   * whose `$n` it takes). The pipeline's retry for a GROUP BY expression
   * written twice with two bind names, which PostgreSQL cannot prove equal
   * (42803) although the client sent equal values.
   */
  readonly mergedParameters?: ReadonlyMap<string, string>
}

/** A placeholder of the original SQL, by its `$n`. */
export interface Placeholder {
  /** The parameter name; for positional parameters the decimal index (`"0"` first). */
  readonly name: string
  /** Its `$n` in the rewritten text. */
  readonly number: number
  /** 1-based character position of its first occurrence in the original SQL. */
  readonly position: number
}

/** What the executor should know to type a parameter. */
export interface ParameterHint {
  readonly number: number
  /**
   * Every use of the parameter is a direct argument of a `VARIADIC "any"`
   * function (`concat`, `format`, `json_build_object`, ...), where
   * PostgreSQL cannot infer a type: bind a string value as `text`.
   */
  readonly anyArgument: boolean
}

/** A statement the checker accepted. */
export interface AnalysisSuccess {
  readonly ok: true
  /** The SQL with `$n` parameters, as it must be sent to the database. */
  readonly text: string
  /** One entry per `$n`, in `$n` order. */
  readonly placeholders: readonly Placeholder[]
  /** One entry per `$n`, in `$n` order. */
  readonly hints: readonly ParameterHint[]
  /** `select`, `insert`, `upsert`, `update`, `delete` or `explain`. */
  readonly statementKind: string
  /** The MetaTable uids the statement writes. */
  readonly writes: readonly string[]
  /** Whether the top-level query has ORDER BY (pages of a read without one are not stable). */
  readonly hasOrderBy: boolean
  /** Maps a database error position in `text` back to the original SQL. */
  readonly positions: PositionMap
}

/** Why the checker refused a statement. */
export interface AnalysisError {
  readonly code: ErrorCode
  readonly message: string
  /** 1-based character (code point) position in the original pyformat SQL. */
  readonly position?: number
  readonly details?: Pick<ErrorDetails, 'relation' | 'function' | 'statement_kind' | 'node' | 'parameter'>
}

/** A statement the checker refused. */
export interface AnalysisFailure {
  readonly ok: false
  readonly error: AnalysisError
  /**
   * The placeholders, when the rewrite (check 4) succeeded and a later check
   * (parse, kind, tree walk) failed: the caller checks the parameters against
   * them first, so a missing or unused parameter is reported before a SQL rule.
   */
  readonly placeholders?: readonly Placeholder[]
}

/** The outcome of analysing one statement. */
export type AnalysisResult = AnalysisSuccess | AnalysisFailure

/** The SQL checker, ready to use: every call is synchronous. */
export interface SqlGuard {
  analyze(input: AnalysisInput): AnalysisResult
}
