/**
 * The kinds of lexical region the placeholder scanner distinguishes. Only
 * `placeholder` tokens are rewritten; every other region is copied (with `%`
 * doubled), which is why strings, quoted identifiers, dollar quotes and
 * comments each get a kind of their own.
 *
 * @example
 * ```ts
 * const kinds: SqlTokenKind[] = scanSql("SELECT '$1', $1").map((token) => token.kind)
 * // ['code', 'string', 'code', 'placeholder']
 * ```
 */
export type SqlTokenKind =
  | 'code'
  | 'string'
  | 'escape_string'
  | 'quoted_identifier'
  | 'dollar_quoted'
  | 'line_comment'
  | 'block_comment'
  | 'placeholder'

/**
 * One region of SQL text: `sql.slice(start, end)`. A `placeholder` token also
 * carries the 1-based parameter number of its `$n`.
 *
 * @example
 * ```ts
 * const [token] = scanSql('$2')
 * // { kind: 'placeholder', start: 0, end: 2, index: 2 }
 * ```
 */
export interface SqlToken {
  readonly kind: SqlTokenKind
  readonly start: number
  readonly end: number
  /** For `placeholder` tokens: the `n` of `$n`, 1-based. */
  readonly index?: number
}
