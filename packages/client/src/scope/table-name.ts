/**
 * A table's name as a query builder writes it: `schema` is absent when the
 * SQL leaves the table unqualified (PostgreSQL then resolves it through the
 * search path, whose first schema is `public` on compiled-sql servers).
 *
 * @example
 * ```ts
 * const venue: TableName = { schema: 'market', name: 'venue' }
 * const asset: TableName = { name: 'asset' } // public.asset
 * ```
 */
export interface TableName {
  readonly schema?: string
  readonly name: string
}

/**
 * Parses `schema.table` or `table`, as Knex and the registry take them. A
 * part may be double-quoted to hold a dot (`"my.schema".asset`); quotes are
 * removed and doubled quotes undone. Anything else, such as three parts, is
 * refused rather than guessed.
 *
 * @throws {TypeError} for an empty name or more than two parts.
 *
 * @example
 * ```ts
 * parseTableName('public.asset') // { schema: 'public', name: 'asset' }
 * parseTableName('asset') // { name: 'asset' }
 * ```
 */
export function parseTableName(text: string): TableName {
  const parts = splitQualified(text.trim())
  const [first, second] = parts
  if (parts.length > 2 || first === undefined || first === '' || second === '') {
    throw new TypeError(`${JSON.stringify(text)} is not a table name; write "table" or "schema.table"`)
  }
  return second === undefined ? { name: first } : { schema: first, name: second }
}

/**
 * Formats a name as `schema.table`, or `table` when unqualified, for messages.
 *
 * @example
 * ```ts
 * formatTableName({ schema: 'market', name: 'venue' }) // 'market.venue'
 * ```
 */
export function formatTableName(table: TableName): string {
  return table.schema === undefined ? table.name : `${table.schema}.${table.name}`
}

function splitQualified(text: string): string[] {
  const parts: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]
    if (c === '"' && quoted && text[i + 1] === '"') {
      current += '"'
      i += 1
    } else if (c === '"') quoted = !quoted
    else if (c === '.' && !quoted) {
      parts.push(current)
      current = ''
    } else current += c
  }
  parts.push(current)
  return parts
}
