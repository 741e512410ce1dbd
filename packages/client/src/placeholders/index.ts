/**
 * Placeholder rewriting: PostgreSQL `$n` to pyformat `%(name)s`, by a scanner
 * that knows strings, quoted identifiers, dollar quotes and comments.
 *
 * @example
 * ```ts
 * import { toPyformat } from '@compiled-sql/client'
 * toPyformat('SELECT $1').sql // 'SELECT %(p1)s'
 * ```
 *
 * @packageDocumentation
 */
export type { SqlToken, SqlTokenKind } from './sql-token.js'
export { scanSql } from './scan-sql.js'
export { defaultParameterName, namesFromList, type ParameterNamer } from './parameter-name.js'
export { toPyformat, type ToPyformatOptions, type PyformatSql } from './to-pyformat.js'
export { fromPyformat } from './from-pyformat.js'
export { bindPositional, type NamedStatement } from './bind-positional.js'
