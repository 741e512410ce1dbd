import type { StatementShape } from '../../scope/statement-shape.js'

/**
 * What every adapter reduces a query to: PostgreSQL `$n` SQL, as the builder
 * compiled it, its positional values (`values[0]` for `$1`), and the shape
 * the builder showed, if any.
 *
 * @example
 * ```ts
 * const statement: CompiledStatement = {
 *   sql: 'select "uid" from "asset" where "symbol" = $1',
 *   values: ['BTC'],
 *   shape: { kind: 'select', tables: [{ table: { name: 'asset' }, access: 'read' }] },
 * }
 * ```
 */
export interface CompiledStatement {
  readonly sql: string
  readonly values: readonly unknown[]
  /** Absent when the input was bare compiled text (`{ sql, params }`), which shows nothing. */
  readonly shape?: StatementShape
}
