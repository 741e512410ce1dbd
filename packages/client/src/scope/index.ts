/**
 * Scope inference: a registry binding tables to MetaTable uids, and the
 * rules that turn the tables a query builder shows into `scope.tables`.
 *
 * @example
 * ```ts
 * import { MetaTableRegistry } from '@compiled-sql/client'
 * const registry = new MetaTableRegistry({ 'public.asset': 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' })
 * ```
 *
 * @packageDocumentation
 */
export { formatTableName, parseTableName, type TableName } from './table-name.js'
export { MetaTableRegistry, type MetaTableRegistryOptions, type TableKey } from './meta-table-registry.js'
export type { StatementShape, TableReference } from './statement-shape.js'
export { resolveOperationKind } from './operation-kind.js'
export { inferScopeTables } from './infer-scope-tables.js'
export { checkDeclaredScope } from './check-declared-scope.js'
export { resolveScopeTables, type ScopeSources } from './resolve-scope-tables.js'
export { rawTextMayNameTables } from './raw-text.js'
