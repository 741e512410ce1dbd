import { appendPointer } from '@compiled-sql/protocol'
import { OperationBuildError } from '../errors/operation-build-error.js'
import type { ScopeTableInput } from '../operation/operation-input.js'
import { boundUid } from './bound-uid.js'
import type { MetaTableRegistry } from './meta-table-registry.js'
import type { TableReference } from './statement-shape.js'

const TABLES = '/scope/tables'

/**
 * Checks a scope the caller declared against the tables the query builder
 * shows: every referenced table must be declared, joined and subquery tables
 * included, and the mutated one with `access: "write"`. The server would
 * refuse the statement otherwise; this says so before anything is sent.
 *
 * @throws {OperationBuildError} `relation_not_in_scope` at `/scope/tables`
 *   ("Do not omit joined tables from scope"), or `write_not_in_scope` at the
 *   entry's `access` (or at `/scope/tables` when the mutated table is absent).
 *
 * @example
 * ```ts
 * checkDeclaredScope(shape.tables, registry, [{ metaTableUid: ASSET }])
 * // throws when the query also joins public.account
 * ```
 */
export function checkDeclaredScope(references: readonly TableReference[], registry: MetaTableRegistry, declared: readonly ScopeTableInput[]): void {
  const uidOf = (table: ScopeTableInput): string | undefined => table.metaTableUid ?? table.meta_table_uid
  for (const reference of references) {
    const uid = boundUid(registry, reference)
    const index = declared.findIndex((table) => uidOf(table) === uid)
    const name = registry.describe(reference.table)
    const entry = `{ metaTableUid: '${uid}'${reference.access === 'write' ? ", access: 'write'" : ''} }`
    if (index < 0 && reference.access === 'write') {
      throw new OperationBuildError('write_not_in_scope', TABLES, `the query writes ${name} (MetaTable ${uid}), which scope.tables does not declare; add ${entry}`)
    }
    if (index < 0) {
      throw new OperationBuildError(
        'relation_not_in_scope',
        TABLES,
        `the query references ${name} (MetaTable ${uid}), which scope.tables does not declare. Do not omit joined tables from scope: add ${entry}, or leave scope out to infer it from the registry`,
      )
    }
    if (reference.access === 'write' && declared[index]?.access !== 'write') {
      throw new OperationBuildError('write_not_in_scope', appendPointer(appendPointer(TABLES, index), 'access'), `the query writes ${name}; declare it with access: 'write'`)
    }
  }
}
