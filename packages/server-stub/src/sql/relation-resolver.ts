import type { ScopedRelation } from './analysis-types.js'
import { GuardError, atByte } from './guard-error.js'
import type { NodeBody } from './tree-walker.js'

/** The CTE names visible at a point of the query, innermost first. */
export interface CteScope {
  readonly name: string
  readonly outer: CteScope | undefined
}

/** Adds CTE names to a scope. */
export function withCtes(scope: CteScope | undefined, names: readonly string[]): CteScope | undefined {
  let result = scope
  for (const name of names) result = { name, outer: result }
  return result
}

function cteVisible(scope: CteScope | undefined, name: string): boolean {
  for (let s = scope; s !== undefined; s = s.outer) if (s.name === name) return true
  return false
}

/** Schemas that hold PostgreSQL's catalogs: `pg_catalog`, `information_schema`, and every `pg_` schema (`pg_toast`, `pg_temp_N`). */
export function isCatalogSchema(schema: string): boolean {
  return schema === 'information_schema' || schema.startsWith('pg_')
}

/** What a relation name in the SQL refers to. */
export type Resolution =
  | { readonly kind: 'cte' }
  | { readonly kind: 'table'; readonly written: string; readonly relations: readonly ScopedRelation[] }

/** The scoped relations by schema and table, for lookups while walking. */
export class ScopeIndex {
  readonly #byName = new Map<string, ScopedRelation[]>()
  readonly #defaultSchema: string | undefined

  constructor(scope: readonly ScopedRelation[], searchPath: readonly string[]) {
    for (const relation of scope) {
      const key = `${relation.schema}\u0000${relation.table}`
      const list = this.#byName.get(key)
      if (list === undefined) this.#byName.set(key, [relation])
      else list.push(relation)
    }
    this.#defaultSchema = searchPath[0]
  }

  /**
   * Resolves a RangeVar as PostgreSQL would, without the database:
   * - `catalog.schema.table` is refused (no cross-database names);
   * - `schema.table` is the scoped table of that schema and name; a CTE never hides it;
   * - an unqualified name is a visible CTE if there is one (the innermost WITH wins);
   * - otherwise a `pg_` name is a catalog (pg_catalog is searched before the search_path),
   * - otherwise it is the scoped table of that name in the search_path's first schema.
   *   Later schemas are not consulted: the checker cannot see which tables the earlier
   *   ones hold, so a name resolved there might be a different, unscoped table.
   *
   * The scope's `alias` plays no part: an alias is introduced by the SQL's own
   * FROM clause, and PostgreSQL resolves the table by its name whatever the
   * alias, so matching on the declared alias could only accept a table that
   * PostgreSQL reads under another name.
   *
   * @throws {GuardError} `relation_not_in_scope` or `catalog_access_not_allowed`.
   */
  resolve(rangeVar: NodeBody, ctes: CteScope | undefined): Resolution {
    const relname = typeof rangeVar['relname'] === 'string' ? rangeVar['relname'] : ''
    const schemaname = typeof rangeVar['schemaname'] === 'string' ? rangeVar['schemaname'] : undefined
    const catalogname = typeof rangeVar['catalogname'] === 'string' ? rangeVar['catalogname'] : undefined
    const written = [catalogname, schemaname, relname].filter((part) => part !== undefined).join('.')
    const at = atByte(rangeVar['location'])
    if (catalogname !== undefined) {
      throw new GuardError('relation_not_in_scope', `${written} names another database`, at, { relation: written })
    }
    let schema = schemaname
    if (schema === undefined) {
      if (cteVisible(ctes, relname)) return { kind: 'cte' }
      if (relname.startsWith('pg_')) {
        throw new GuardError('catalog_access_not_allowed', `${written} is a system catalog`, at, { relation: written })
      }
      schema = this.#defaultSchema
    } else if (isCatalogSchema(schema)) {
      throw new GuardError('catalog_access_not_allowed', `${written} is in a system catalog schema`, at, { relation: written })
    }
    const relations = schema === undefined ? undefined : this.#byName.get(`${schema}\u0000${relname}`)
    if (relations === undefined) {
      throw new GuardError('relation_not_in_scope', `${written} is not a scoped MetaTable`, at, { relation: written })
    }
    return { kind: 'table', written, relations }
  }

  /**
   * Resolves the target of an INSERT, UPDATE or DELETE. PostgreSQL never
   * resolves a target to a CTE, so neither does this.
   *
   * @throws {GuardError} as {@link resolve}, and `write_not_in_scope` when the table is scoped for reading only.
   */
  resolveTarget(rangeVar: NodeBody): ScopedRelation[] {
    const resolution = this.resolve(rangeVar, undefined)
    if (resolution.kind !== 'table') throw new Error('unreachable: a target never resolves to a CTE')
    return requireWrite(resolution, rangeVar)
  }
}

/**
 * The scoped relations of a resolved table that declare write access.
 *
 * @throws {GuardError} `write_not_in_scope` when none does.
 */
export function requireWrite(resolution: Extract<Resolution, { kind: 'table' }>, rangeVar: NodeBody): ScopedRelation[] {
  const writable = resolution.relations.filter((relation) => relation.access === 'write')
  if (writable.length === 0) {
    throw new GuardError('write_not_in_scope', `${resolution.written} is scoped for reading, not writing`, atByte(rangeVar['location']), {
      relation: resolution.written,
    })
  }
  return writable
}
