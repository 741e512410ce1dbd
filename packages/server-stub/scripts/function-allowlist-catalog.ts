import type pg from 'pg'
import type { CatalogFunction } from './function-allowlist-rule.js'

/** One `pg_catalog` operator and the function that implements it. */
export interface CatalogOperator {
  readonly symbol: string
  readonly functionOid: number
}

/** What the allowlist is derived from: `pg_catalog`'s functions and operators. */
export interface Catalog {
  readonly serverMajor: number
  readonly functions: ReadonlyMap<number, CatalogFunction & { readonly variadicAny: boolean }>
  readonly operators: readonly CatalogOperator[]
}

const FUNCTIONS_SQL = `
select p.oid::int as oid, p.proname as name, p.prokind as kind, p.provolatile as volatility,
       p.provariadic = 'pg_catalog.any'::pg_catalog.regtype as variadic_any,
       coalesce((select array_agg(distinct t.typname::text order by t.typname::text) from pg_catalog.pg_type t
                  where t.typtype = 'p'
                    and (t.oid = p.prorettype or t.oid = any(p.proargtypes::oid[])
                         or t.oid = any(coalesce(p.proallargtypes, '{}')::oid[]))), '{}') as pseudo_types,
       exists (select 1 from pg_catalog.pg_type t
                where p.oid in (t.typinput, t.typoutput, t.typreceive, t.typsend, t.typmodin, t.typmodout, t.typanalyze)) as type_io,
       coalesce((select array_agg(t.typname::text order by t.typname::text) from pg_catalog.pg_type t
                  where t.oid = any(p.proargtypes::oid[]) or t.oid = any(coalesce(p.proallargtypes, '{}')::oid[])), '{}') as argument_types,
       coalesce((select array_agg(t.typname::text order by a.n) from unnest(p.proargtypes::oid[]) with ordinality a(oid, n)
                   join pg_catalog.pg_type t on t.oid = a.oid), '{}') as input_types,
       p.pronargdefaults::int as default_count
  from pg_catalog.pg_proc p
 where p.pronamespace = 'pg_catalog'::pg_catalog.regnamespace`

const OPERATORS_SQL = `
select o.oprname as symbol, o.oprcode::oid::int as function_oid
  from pg_catalog.pg_operator o
 where o.oprnamespace = 'pg_catalog'::pg_catalog.regnamespace`

/** Reads `pg_catalog`'s functions and operators from a connected client. */
export async function readCatalog(client: pg.Client): Promise<Catalog> {
  const version = await client.query<{ server_version_num: string }>('show server_version_num')
  const serverMajor = Math.floor(Number(version.rows[0]?.server_version_num) / 10000)
  const functionRows = await client.query<{
    oid: number
    name: string
    kind: string
    volatility: string
    variadic_any: boolean
    pseudo_types: string[]
    type_io: boolean
    argument_types: string[]
    input_types: string[]
    default_count: number
  }>(FUNCTIONS_SQL)
  const functions = new Map<number, CatalogFunction & { readonly variadicAny: boolean }>()
  for (const row of functionRows.rows) {
    functions.set(row.oid, {
      name: row.name,
      kind: row.kind,
      volatility: row.volatility,
      variadicAny: row.variadic_any,
      pseudoTypes: row.pseudo_types,
      typeIo: row.type_io,
      argumentTypes: row.argument_types,
      inputTypes: row.input_types,
      defaultCount: row.default_count,
    })
  }
  const operatorRows = await client.query<{ symbol: string; function_oid: number }>(OPERATORS_SQL)
  const operators = operatorRows.rows.map((row) => ({ symbol: row.symbol, functionOid: row.function_oid }))
  return { serverMajor, functions, operators }
}
