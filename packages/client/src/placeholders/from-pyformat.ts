import { OperationBuildError } from '../errors/operation-build-error.js'

/**
 * The inverse of {@link toPyformat}: rewrites `%(name)s` back into `$n` and
 * `%%` back into `%`. Every `%` of pyformat text is one of those two, so this
 * needs no SQL lexer. Useful to show a pyformat statement in the form a
 * query builder printed, and to check a rewrite.
 *
 * @param indexOf - the `n` for each name, as {@link toPyformat}'s `placeholders` report them.
 * @throws {OperationBuildError} `invalid_format` at `/statement/sql` for a lone
 *   `%`, or `unknown_parameter` for a name without an index.
 *
 * @example
 * ```ts
 * fromPyformat("SELECT %(p1)s, '100%%'", new Map([['p1', 1]]))
 * // "SELECT $1, '100%'"
 * ```
 */
export function fromPyformat(sql: string, indexOf: ReadonlyMap<string, number>): string {
  let out = ''
  let i = 0
  while (i < sql.length) {
    const percent = sql.indexOf('%', i)
    if (percent < 0) break
    out += sql.slice(i, percent)
    if (sql[percent + 1] === '%') {
      out += '%'
      i = percent + 2
      continue
    }
    const close = sql[percent + 1] === '(' ? sql.indexOf(')s', percent + 2) : -1
    if (close < 0) throw new OperationBuildError('invalid_format', '/statement/sql', `a lone % at offset ${percent}; write %% for a literal %`)
    const name = sql.slice(percent + 2, close)
    const index = indexOf.get(name)
    if (index === undefined) throw new OperationBuildError('unknown_parameter', '/statement/sql', `%(${name})s has no parameter number; add it to the map`)
    out += `$${index}`
    i = close + 2
  }
  return out + sql.slice(i)
}
