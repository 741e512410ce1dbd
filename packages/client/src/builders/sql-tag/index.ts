/**
 * The `sql` tagged template adapter.
 *
 * @example
 * ```ts
 * import { fromSql, sql } from '@compiled-sql/client/sql'
 * ```
 *
 * @packageDocumentation
 */
export { sql, SqlFragment, isSqlFragment, type SqlTag } from './sql-fragment.js'
export { compileFragment, type CompiledFragment } from './compile-fragment.js'
export { fromSql, fromSqlSync, sqlStatement } from './from-sql.js'
