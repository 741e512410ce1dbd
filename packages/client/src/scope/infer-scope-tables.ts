import type { ScopeTableInput } from '../operation/operation-input.js'
import { boundUid } from './bound-uid.js'
import type { MetaTableRegistry } from './meta-table-registry.js'
import type { TableReference } from './statement-shape.js'

interface Entry {
  readonly uid: string
  write: boolean
  readonly aliases: Set<string | undefined>
}

/**
 * Turns the referenced tables into `scope.tables`: one entry per MetaTable
 * (a self-join is one entry), `access: "write"` when any reference mutates
 * it. The SQL's alias is kept when the table has exactly one and no other
 * table uses it, since the server refuses a scope that repeats an alias; it
 * is informational only.
 *
 * @throws {OperationBuildError} `relation_not_in_scope` for a table the
 *   registry does not know (see {@link boundUid}).
 *
 * @example
 * ```ts
 * inferScopeTables([{ table: { name: 'asset' }, alias: 'a', access: 'read' }], registry)
 * // [{ metaTableUid: 'aaaaaaaa-…', alias: 'a', access: 'read' }]
 * ```
 */
export function inferScopeTables(references: readonly TableReference[], registry: MetaTableRegistry): readonly ScopeTableInput[] {
  // Builders hand over cached, frozen shapes, so the same references array comes back for every call of a query shape.
  let byReferences = INFERRED.get(registry)
  if (byReferences === undefined || byReferences.version !== registry.version) {
    byReferences = { version: registry.version, tables: new WeakMap() }
    INFERRED.set(registry, byReferences)
  }
  const cached = byReferences.tables.get(references)
  if (cached !== undefined) return cached
  const inferred = Object.freeze(infer(references, registry).map((table) => Object.freeze(table)))
  if (Object.isFrozen(references)) byReferences.tables.set(references, inferred)
  return inferred
}

const INFERRED = new WeakMap<MetaTableRegistry, { readonly version: number; readonly tables: WeakMap<readonly TableReference[], readonly ScopeTableInput[]> }>()

function infer(references: readonly TableReference[], registry: MetaTableRegistry): ScopeTableInput[] {
  const entries = new Map<string, Entry>()
  for (const reference of references) {
    const uid = boundUid(registry, reference)
    const entry = entries.get(uid) ?? { uid, write: false, aliases: new Set() }
    entry.write ||= reference.access === 'write'
    entry.aliases.add(reference.alias)
    entries.set(uid, entry)
  }
  const aliasUses = new Map<string, number>()
  for (const { aliases } of entries.values()) {
    for (const alias of aliases) if (alias !== undefined) aliasUses.set(alias, (aliasUses.get(alias) ?? 0) + 1)
  }
  return [...entries.values()].map(({ uid, write, aliases }) => {
    const [alias] = aliases
    const keep = aliases.size === 1 && alias !== undefined && aliasUses.get(alias) === 1
    return { metaTableUid: uid, ...(keep && { alias }), access: write ? 'write' : 'read' }
  })
}
