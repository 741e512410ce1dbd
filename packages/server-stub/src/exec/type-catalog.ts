/** How a value of a type becomes JSON (compiled-sql.v1 §7). */
export type ValueEncoding =
  | 'exact' // bigint, numeric, money: the text itself, every digit
  | 'integer' // smallint, integer: a number
  | 'float' // real, double precision: a number, or NaN/Infinity/-Infinity as strings
  | 'bool'
  | 'timestamptz' // RFC 3339 with Z
  | 'bytea' // base64
  | 'json' // json, jsonb: the JSON value, losslessly
  | 'array' // a JSON array of the element encoding
  | 'text' // everything else: PostgreSQL's text output

/** What the executor knows about one type OID. */
export interface TypeInfo {
  readonly oid: number
  /** `format_type(oid, NULL)`: `bigint`, `timestamp with time zone`, `text[]`. */
  readonly name: string
  readonly encoding: ValueEncoding
  /** Arrays: the element type. */
  readonly element?: TypeInfo
  /** The element separator in this type's array literals (`,`; `;` for `box`). */
  readonly delimiter: string
}

/** Runs a catalog query on the connection at hand and returns its text rows. */
export type CatalogQuery = (text: string, values: readonly string[]) => Promise<readonly (readonly (string | null)[])[]>

// Built-in type OIDs (stable across PostgreSQL versions) and their encodings.
const BUILTIN_ENCODINGS: ReadonlyMap<number, ValueEncoding> = new Map<number, ValueEncoding>([
  [20, 'exact'],
  [1700, 'exact'],
  [790, 'exact'],
  [21, 'integer'],
  [23, 'integer'],
  [700, 'float'],
  [701, 'float'],
  [16, 'bool'],
  [1184, 'timestamptz'],
  [17, 'bytea'],
  [114, 'json'],
  [3802, 'json'],
])

const LOOKUP =
  'select oid::text, format_type(oid, NULL), typtype::text, typelem::text, typbasetype::text, typdelim::text, typcategory::text ' +
  'from pg_catalog.pg_type where oid = any($1::oid[])'

interface TypeRow {
  readonly name: string
  readonly typtype: string
  readonly elem: number
  readonly base: number
  readonly delimiter: string
  readonly category: string
}

/**
 * Type names and encodings by OID, asked of `pg_catalog` once per type and
 * kept for the executor's life (one data source, whose types DDL through the
 * guard cannot change). Domains encode as their base type.
 */
export class TypeCatalog {
  readonly #known = new Map<number, TypeInfo>()

  /** The info of every OID, in order, querying the catalog only for the ones not seen before. */
  async infos(oids: readonly number[], query: CatalogQuery): Promise<TypeInfo[]> {
    const known = oids.map((oid) => this.#known.get(oid))
    if (known.every((info) => info !== undefined)) return known as TypeInfo[] // the usual case: no allocation beyond the list
    const resolved = await this.resolve(oids, query)
    return oids.map((oid) => resolved.get(oid)!)
  }

  /** The info of every OID, querying the catalog only for the ones not seen before. */
  async resolve(oids: readonly number[], query: CatalogQuery): Promise<ReadonlyMap<number, TypeInfo>> {
    const rows = new Map<number, TypeRow>()
    let missing = [...new Set(oids)].filter((oid) => !this.#known.has(oid))
    // Arrays and domains name further types; a few rounds reach the bottom.
    while (missing.length > 0) {
      const fetched = await query(LOOKUP, [`{${missing.join(',')}}`])
      for (const [oid, name, typtype, elem, base, delimiter, category] of fetched) {
        rows.set(Number(oid), {
          name: name ?? '???',
          typtype: typtype ?? 'b',
          elem: Number(elem),
          base: Number(base),
          delimiter: delimiter ?? ',',
          category: category ?? 'U',
        })
      }
      for (const oid of missing) if (!rows.has(oid)) rows.set(oid, { name: 'unknown', typtype: 'b', elem: 0, base: 0, delimiter: ',', category: 'U' })
      missing = [...rows.values()].flatMap((row) => [row.elem, row.base]).filter((oid) => oid !== 0 && !this.#known.has(oid) && !rows.has(oid))
    }
    for (const oid of rows.keys()) this.#build(oid, rows)
    return new Map(oids.map((oid) => [oid, this.#known.get(oid) as TypeInfo]))
  }

  #build(oid: number, rows: ReadonlyMap<number, TypeRow>): TypeInfo {
    const known = this.#known.get(oid)
    if (known !== undefined) return known
    const row = rows.get(oid) as TypeRow
    let info: TypeInfo
    if (row.typtype === 'd' && row.base !== 0) {
      const base = this.#build(row.base, rows)
      info = { ...base, oid, name: row.name }
    } else if (row.category === 'A' && row.elem !== 0) {
      const element = this.#build(row.elem, rows)
      info = { oid, name: row.name, encoding: 'array', element, delimiter: row.delimiter }
    } else {
      info = { oid, name: row.name, encoding: BUILTIN_ENCODINGS.get(oid) ?? 'text', delimiter: row.delimiter }
    }
    this.#known.set(oid, info)
    return info
  }
}
