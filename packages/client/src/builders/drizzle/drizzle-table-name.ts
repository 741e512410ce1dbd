import { getTableName, is, Table, View, ViewBaseConfig } from 'drizzle-orm'
import type { TableName } from '../../scope/table-name.js'

type Symbolic = Readonly<Record<symbol, unknown>>

// Drizzle's own keys (\`Table.Symbol.*\`, marked internal in its typings), from the global symbol registry.
const OriginalName = Symbol.for('drizzle:OriginalName')
const Schema = Symbol.for('drizzle:Schema')
const IsAlias = Symbol.for('drizzle:IsAlias')

/**
 * The name a Drizzle table is created under, for `MetaTableRegistry.bind`:
 * its schema (absent for `pgTable`, which PostgreSQL resolves as `public`)
 * and its original name, also for an `alias(table, 'a')`.
 *
 * @example
 * ```ts
 * import { drizzleTableName } from '@compiled-sql/client/drizzle'
 * registry.bind(drizzleTableName(asset), ASSET_UID) // pgTable('asset', …): public.asset
 * registry.bind(drizzleTableName(venue), VENUE_UID) // pgSchema('market').table('venue', …): market.venue
 * ```
 */
export function drizzleTableName(table: Table | View): TableName {
  if (is(table, View)) {
    const config = (table as unknown as Symbolic)[ViewBaseConfig] as { readonly originalName: string; readonly schema?: string }
    return config.schema === undefined ? { name: config.originalName } : { schema: config.schema, name: config.originalName }
  }
  const name = (table as unknown as Symbolic)[OriginalName] as string
  const schema = (table as unknown as Symbolic)[Schema] as string | undefined
  return schema === undefined ? { name } : { schema, name }
}

/**
 * The alias of an `alias(table, 'a')`, or `undefined` for a table itself.
 *
 * @example
 * ```ts
 * drizzleTableAlias(alias(asset, 'a')) // 'a'
 * ```
 */
export function drizzleTableAlias(table: Table): string | undefined {
  return (table as unknown as Symbolic)[IsAlias] === true ? getTableName(table) : undefined
}
