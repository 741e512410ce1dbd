import { OperationBuildError } from '../errors/operation-build-error.js'
import { toPyformat, type ToPyformatOptions } from './to-pyformat.js'

/**
 * A statement in pyformat with named values, ready for `buildOperation`.
 *
 * @example
 * ```ts
 * const bound: NamedStatement = { sql: 'SELECT %(p1)s', parameters: { p1: 42 } }
 * ```
 */
export interface NamedStatement {
  readonly sql: string
  readonly parameters: Record<string, unknown>
}

/**
 * Turns a `$n` statement with positional values (`values[0]` for `$1`) into
 * pyformat with named values, via {@link toPyformat}. Values stay as given;
 * `buildOperation` encodes them.
 *
 * @throws {OperationBuildError} `missing_parameter` when the SQL uses `$n`
 *   past the end of `values`; `unused_parameter` when a value has no `$n`,
 *   which usually means the SQL and the values come from different queries.
 *
 * @example
 * ```ts
 * bindPositional('SELECT * FROM asset WHERE symbol = $1', ['BTC'])
 * // { sql: 'SELECT * FROM asset WHERE symbol = %(p1)s', parameters: { p1: 'BTC' } }
 * ```
 */
export function bindPositional(sql: string, values: readonly unknown[], options: ToPyformatOptions = {}): NamedStatement {
  const rewritten = toPyformat(sql, options)
  const parameters: Record<string, unknown> = {}
  for (const { index, name } of rewritten.placeholders) {
    if (index < 1 || index > values.length) {
      throw new OperationBuildError('missing_parameter', '/statement/sql', `$${index} has no value: ${values.length} given; pass a value for every placeholder`)
    }
    // A name chosen as "__proto__" must stay a key, not set the prototype.
    if (name === '__proto__') Object.defineProperty(parameters, name, { value: values[index - 1], enumerable: true, writable: true, configurable: true })
    else parameters[name] = values[index - 1]
  }
  // Placeholders are distinct and all within 1..values.length here, so as many of them as values means every value is used.
  if (rewritten.placeholders.length < values.length) {
    const used = new Set(rewritten.placeholders.map(({ index }) => index))
    const unused = values.findIndex((_, i) => !used.has(i + 1)) + 1
    throw new OperationBuildError('unused_parameter', '/statement/sql', `value ${unused} has no $${unused} in the SQL; pass the values compiled with this SQL`)
  }
  return { sql: rewritten.sql, parameters }
}
