import { OperationBuildError } from '../errors/operation-build-error.js'
import type { MetaTableRegistry } from './meta-table-registry.js'
import type { TableReference } from './statement-shape.js'

/**
 * The MetaTable uid a referenced table is bound to in the registry.
 *
 * @throws {OperationBuildError} `relation_not_in_scope` at `/scope/tables`
 *   naming the table and the `bind` call that fixes it.
 *
 * @example
 * ```ts
 * boundUid(registry, { table: { name: 'asset' }, access: 'read' }) // 'aaaaaaaa-…'
 * ```
 */
export function boundUid(registry: MetaTableRegistry, reference: TableReference): string {
  const uid = registry.uidOf(reference.table)
  if (uid !== undefined) return uid
  const name = registry.describe(reference.table)
  throw new OperationBuildError(
    'relation_not_in_scope',
    '/scope/tables',
    `the query references ${name}, which the MetaTable registry does not know; bind it with registry.bind('${name}', '<its MetaTable uid>')`,
  )
}
