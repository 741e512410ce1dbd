import type { OperationKind } from '@compiled-sql/protocol'
import type { TableName } from './table-name.js'

/**
 * One table a statement references, as a query builder shows it: the table
 * it mutates has `access: "write"`, every other one `read`. CTE names are
 * never references.
 *
 * @example
 * ```ts
 * const joined: TableReference = { table: { schema: 'public', name: 'account' }, alias: 'account', access: 'read' }
 * ```
 */
export interface TableReference {
  readonly table: TableName
  /** The alias the SQL gives the table, if any. */
  readonly alias?: string
  readonly access: 'read' | 'write'
}

/**
 * What an adapter could see of a statement in its query builder's own
 * structure (Kysely's operation tree, Drizzle's table objects, Knex's
 * builder state), before any SQL text is read.
 *
 * @example
 * ```ts
 * const shape: StatementShape = {
 *   kind: 'insert',
 *   alsoAccepts: ['upsert'], // INSERT … ON CONFLICT DO NOTHING
 *   tables: [{ table: { name: 'asset' }, access: 'write' }],
 * }
 * ```
 */
export interface StatementShape {
  /** The statement's kind; absent for raw SQL, whose kind the builder does not know. */
  readonly kind?: OperationKind
  /**
   * Other `operation` values the server accepts for this statement: an INSERT
   * with ON CONFLICT DO NOTHING is an `insert`, and an `upsert` too.
   */
  readonly alsoAccepts?: readonly OperationKind[]
  /** The referenced tables, in order of appearance, the mutated one first. */
  readonly tables: readonly TableReference[]
  /**
   * Set when part of the statement is raw SQL text that may name tables the
   * builder cannot see (a `sql` fragment with FROM or JOIN, a whole raw
   * statement): an excerpt of that text, for messages. `tables` is then a
   * lower bound, and the scope must be given explicitly.
   */
  readonly rawText?: string
}
