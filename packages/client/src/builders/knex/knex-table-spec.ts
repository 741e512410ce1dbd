import { parseTableName, type TableName } from '../../scope/table-name.js'

/**
 * A table as Knex's string form names it, `"schema.table as alias"`
 * (`as` in any case), with `withSchema`'s schema for an unqualified name.
 *
 * @example
 * ```ts
 * parseKnexTable('public.asset as a') // { table: { schema: 'public', name: 'asset' }, alias: 'a' }
 * parseKnexTable('venue', 'market') // { table: { schema: 'market', name: 'venue' } }
 * ```
 */
export function parseKnexTable(spec: string, schema?: string): { readonly table: TableName; readonly alias?: string } {
  const words = spec.trim().split(/\s+/)
  const as = words.findIndex((word, i) => i > 0 && word.toLowerCase() === 'as')
  const name = parseTableName((as < 0 ? words : words.slice(0, as)).join(' '))
  const alias = as < 0 ? undefined : words.slice(as + 1).join(' ')
  const table = name.schema === undefined && schema !== undefined ? { schema, name: name.name } : name
  return alias === undefined || alias === '' ? { table } : { table, alias }
}
