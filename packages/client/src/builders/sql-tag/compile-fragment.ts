import { OperationBuildError } from '../../errors/operation-build-error.js'
import { scanSql } from '../../placeholders/scan-sql.js'
import { isSqlFragment, type SqlFragment } from './sql-fragment.js'

/**
 * A fragment compiled to PostgreSQL `$n` SQL and its values, `values[0]` for `$1`.
 *
 * @example
 * ```ts
 * const compiled: CompiledFragment = { sql: 'SELECT $1', values: [42] }
 * ```
 */
export interface CompiledFragment {
  readonly sql: string
  readonly values: readonly unknown[]
}

const PATH = '/statement/sql'

/**
 * Compiles a `sql` fragment: nested fragments are spliced, every other
 * value becomes the next `$n`. The result is then checked with the
 * placeholder lexer, so that the text means what the template says: each
 * `${value}` must land where PostgreSQL reads a parameter (not inside a
 * string, quoted identifier, comment or word), and the literal text must
 * hold no `$n` of its own.
 *
 * @throws {OperationBuildError} `invalid_value` at `/statement/sql` for a
 *   misplaced value or a literal `$n`; `sql_syntax_error` for text the lexer
 *   cannot split.
 *
 * @example
 * ```ts
 * compileFragment(sql`SELECT * FROM public.asset WHERE symbol = ${'BTC'}`)
 * // { sql: 'SELECT * FROM public.asset WHERE symbol = $1', values: ['BTC'] }
 * ```
 */
export function compileFragment(fragment: SqlFragment): CompiledFragment {
  const state = { sql: '', values: [] as unknown[], offsets: [] as number[] }
  append(fragment, state)
  const placeholders = scanSql(state.sql).filter((token) => token.kind === 'placeholder')
  const ours = new Set(state.offsets)
  for (const token of placeholders) {
    if (!ours.has(token.start)) {
      throw new OperationBuildError('invalid_value', PATH, `the SQL text holds ${state.sql.slice(token.start, token.end)} at offset ${token.start}; write values as \${value}, never as $n`)
    }
    ours.delete(token.start)
  }
  const [misplaced] = ours
  if (misplaced !== undefined) {
    const n = state.offsets.indexOf(misplaced) + 1
    throw new OperationBuildError(
      'invalid_value',
      PATH,
      `value ${n} lands inside a string, quoted identifier, comment or word (offset ${misplaced}), where PostgreSQL reads no parameter; put \${value} where a value goes, e.g. '%' || \${value} || '%' instead of '%\${value}%'`,
    )
  }
  return { sql: state.sql, values: state.values }
}

function append(fragment: SqlFragment, state: { sql: string; values: unknown[]; offsets: number[] }): void {
  fragment.strings.forEach((text, i) => {
    state.sql += text
    if (i >= fragment.values.length) return
    const value = fragment.values[i]
    if (isSqlFragment(value)) return append(value, state)
    state.values.push(value)
    state.offsets.push(state.sql.length)
    state.sql += `$${state.values.length}`
  })
}
