import type { OperationKind } from '@compiled-sql/protocol'
import { OperationBuildError } from '../../errors/operation-build-error.js'
import type { StatementShape } from '../../scope/statement-shape.js'
import { KnexTableWalker } from './builder-walker.js'
import type { KnexBuilderState } from './knex-state.js'

const READS = new Set(['select', 'first', 'pluck'])

function kindOf(builder: KnexBuilderState): { kind: OperationKind; alsoAccepts?: OperationKind[] } | undefined {
  const method = builder._method
  if (READS.has(method)) return { kind: 'select' }
  if (method === 'update') return { kind: 'update' }
  if (method === 'del' || method === 'delete') return { kind: 'delete' }
  if (method !== 'insert') return undefined
  const { onConflict, merge } = builder._single
  if (onConflict === undefined) return { kind: 'insert' }
  // As the server classifies an INSERT: DO UPDATE (.merge()) is an upsert only; DO NOTHING (.ignore()) is both.
  return merge !== undefined ? { kind: 'upsert' } : { kind: 'insert', alsoAccepts: ['upsert'] }
}

/**
 * Reads a Knex 3 query builder: the kind from its method (`select`,
 * `first` and `pluck` read; `insert` with `.onConflict().merge()` is an
 * upsert, with `.ignore()` an insert that may also be sent as upsert, as the
 * server decides; `update`; `del`), the mutated table (its main table), and
 * the referenced tables (see {@link KnexTableWalker}).
 *
 * @throws {OperationBuildError} `statement_not_allowed` at `/statement/sql`
 *   for `truncate` and the other methods compiled-sql.v1 does not run.
 *
 * @example
 * ```ts
 * knexShape(knex('asset').insert(row).onConflict('uid').merge())
 * // { kind: 'upsert', tables: [{ table: { name: 'asset' }, access: 'write' }] }
 * ```
 */
export function knexShape(builder: KnexBuilderState): StatementShape {
  const statement = kindOf(builder)
  if (statement === undefined) {
    throw new OperationBuildError('statement_not_allowed', '/statement/sql', `a Knex ${builder._method} query cannot be sent: compiled-sql.v1 runs select, insert, update, delete and upsert`)
  }
  const walker = new KnexTableWalker()
  walker.visitBuilder(builder, [], statement.kind !== 'select')
  return {
    kind: statement.kind,
    ...(statement.alsoAccepts !== undefined && { alsoAccepts: statement.alsoAccepts }),
    tables: [...walker.tables.filter((t) => t.access === 'write'), ...walker.tables.filter((t) => t.access === 'read')],
    ...(walker.rawText !== undefined && { rawText: walker.rawText }),
  }
}
