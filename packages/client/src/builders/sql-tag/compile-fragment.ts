import { OperationBuildError } from '../../errors/operation-build-error.js'
import { TEXT_CACHE_CAPACITY, TextCache } from '../../cache/text-cache.js'
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

// Where the scanner finds `$n` in a compiled text: a template's text repeats on every call, its values do not.
const PLACEHOLDER_STARTS = new TextCache<readonly number[]>(TEXT_CACHE_CAPACITY)

function placeholderStarts(sql: string): readonly number[] {
  return PLACEHOLDER_STARTS.get(sql) ?? PLACEHOLDER_STARTS.set(sql, Object.freeze(scanSql(sql).flatMap((token) => (token.kind === 'placeholder' ? [token.start] : []))))
}

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
  const starts = placeholderStarts(state.sql)
  // The common case: the scanner's placeholders are exactly the ones appended for values, in order.
  if (starts.length === state.offsets.length && starts.every((start, i) => start === state.offsets[i])) return { sql: state.sql, values: state.values }
  const ours = new Set(state.offsets)
  for (const start of starts) {
    if (!ours.has(start)) {
      const written = /^\$\d+/.exec(state.sql.slice(start))?.[0] ?? '$n'
      throw new OperationBuildError('invalid_value', PATH, `the SQL text holds ${written} at offset ${start}; write values as \${value}, never as $n`)
    }
    ours.delete(start)
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
