import type { OperationKind } from '@compiled-sql/protocol'
import { OperationBuildError } from '../../errors/operation-build-error.js'
import { excerpt } from '../../scope/raw-text.js'
import type { StatementShape } from '../../scope/statement-shape.js'
import { isNode, unaliased, type KyselyNode } from './operation-node.js'
import { KyselyTableWalker } from './table-walker.js'

/** The kind of each root node compiled-sql runs, and the nodes it mutates. */
function kindAndTargets(root: KyselyNode): { kind: OperationKind; alsoAccepts?: OperationKind[]; targets: unknown[] } | undefined {
  switch (root.kind) {
    case 'SelectQueryNode':
      return { kind: 'select', targets: [] }
    case 'InsertQueryNode': {
      const onConflict = root['onConflict']
      const targets = [unaliased(root['into'])]
      if (!isNode(onConflict)) return { kind: 'insert', targets }
      // As the server classifies it: DO UPDATE is an upsert only; DO NOTHING is both.
      const updates = onConflict['updates']
      return Array.isArray(updates) && updates.length > 0 ? { kind: 'upsert', targets } : { kind: 'insert', alsoAccepts: ['upsert'], targets }
    }
    case 'UpdateQueryNode':
      return { kind: 'update', targets: [unaliased(root['table'])] }
    case 'DeleteQueryNode': {
      const from = root['from']
      const froms = isNode(from) && Array.isArray(from['froms']) ? (from['froms'] as unknown[]) : []
      return { kind: 'delete', targets: froms.map(unaliased) }
    }
    default:
      return undefined
  }
}

/**
 * Reads a compiled Kysely query's operation tree (`compiled.query`): the
 * statement kind (an INSERT with `onConflict(… doUpdateSet …)` is an upsert,
 * with `doNothing()` an insert that may also be sent as upsert, as the server
 * decides), the mutated table, and every referenced table (see
 * {@link KyselyTableWalker}). A raw root (`sql\`…\`.compile(db)`,
 * `CompiledQuery.raw`) has no kind and hides its tables.
 *
 * @throws {OperationBuildError} `statement_not_allowed` at `/statement/sql`
 *   for EXPLAIN, MERGE and schema statements, which compiled-sql.v1 does not run.
 *
 * @example
 * ```ts
 * kyselyShape(db.updateTable('asset').set({ symbol: 'X' }).compile().query)
 * // { kind: 'update', tables: [{ table: { name: 'asset' }, access: 'write' }] }
 * ```
 */
export function kyselyShape(root: KyselyNode): StatementShape {
  if (root.kind === 'RawNode') {
    const fragments = Array.isArray(root['sqlFragments']) ? (root['sqlFragments'] as string[]) : []
    return { tables: [], rawText: excerpt(fragments.join('?')) }
  }
  const statement = kindAndTargets(root)
  if (statement === undefined || root['explain'] !== undefined) {
    const what = statement === undefined ? root.kind.replace(/Node$/, '') : 'EXPLAIN'
    throw new OperationBuildError('statement_not_allowed', '/statement/sql', `a Kysely ${what} cannot be sent: compiled-sql.v1 runs select, insert, update, delete and upsert`)
  }
  const walker = new KyselyTableWalker(new Set(statement.targets))
  walker.visit(root, [])
  // The mutated table first, as a reader of the scope expects.
  const tables = [...walker.tables.filter((t) => t.access === 'write'), ...walker.tables.filter((t) => t.access === 'read')]
  return {
    kind: statement.kind,
    ...(statement.alsoAccepts !== undefined && { alsoAccepts: statement.alsoAccepts }),
    tables,
    ...(walker.rawText !== undefined && { rawText: walker.rawText }),
  }
}
