import { OperationBuildError } from '../errors/operation-build-error.js'
import type { ScopeTableInput } from '../operation/operation-input.js'
import { checkDeclaredScope } from './check-declared-scope.js'
import { inferScopeTables } from './infer-scope-tables.js'
import type { MetaTableRegistry } from './meta-table-registry.js'
import type { StatementShape } from './statement-shape.js'

const TABLES = '/scope/tables'

/**
 * Where `scope.tables` comes from: the caller's declaration, the registry,
 * or both (then the declaration is used and checked against the registry).
 *
 * @example
 * ```ts
 * const sources: ScopeSources = { registry, declared: [{ metaTableUid: ASSET }] }
 * ```
 */
export interface ScopeSources {
  readonly declared?: readonly ScopeTableInput[]
  readonly registry?: MetaTableRegistry
}

/**
 * Decides `scope.tables` for a query whose shape an adapter could (or could
 * not) see:
 * - declared and a registry: the declaration, checked to hold every
 *   referenced table ({@link checkDeclaredScope});
 * - declared only: the declaration as is;
 * - a registry only: inferred from the shape ({@link inferScopeTables}),
 *   unless raw SQL text hides part of the statement.
 *
 * @throws {OperationBuildError} `missing_field` at `/scope/tables` when the
 *   scope can be neither taken nor inferred, saying what to pass; and the
 *   errors of the checks above.
 *
 * @example
 * ```ts
 * resolveScopeTables(shape, { registry }) // [{ metaTableUid: ASSET, alias: 'asset', access: 'read' }, …]
 * ```
 */
export function resolveScopeTables(shape: StatementShape | undefined, sources: ScopeSources): readonly ScopeTableInput[] {
  const { declared, registry } = sources
  if (declared !== undefined) {
    if (registry !== undefined && shape !== undefined) checkDeclaredScope(shape.tables, registry, declared)
    return declared
  }
  if (registry === undefined) {
    throw new OperationBuildError('missing_field', TABLES, 'no scope: pass scope: { tables: [...] }, or a MetaTableRegistry as registry to infer it from the query')
  }
  if (shape === undefined) {
    throw new OperationBuildError(
      'missing_field',
      TABLES,
      'this input is compiled SQL text, which shows no tables; pass scope: { tables: [...] }, or pass the query builder itself so its tables can be inferred',
    )
  }
  if (shape.rawText !== undefined) {
    throw new OperationBuildError(
      'missing_field',
      TABLES,
      `part of the query is raw SQL that may name tables (${JSON.stringify(shape.rawText)}), so its scope cannot be inferred; pass scope: { tables: [...] } with every table, joined ones included`,
    )
  }
  return inferScopeTables(shape.tables, registry)
}
