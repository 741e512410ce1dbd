import { LEGIT_UIDS, LEGIT_OWNER, type LegitDatabase, writeLegitWorld } from './legit-world.js'

/**
 * Tables next to the corpus that no escape may read or touch: `public.secret`
 * and `private.keys` hold secrets, and `private.asset` shares its name with a
 * scoped table, for CTE-shadowing attempts.
 */
export const ESCAPE_SEED = `
CREATE SCHEMA private;
CREATE TABLE private.keys (id int PRIMARY KEY, secret text NOT NULL);
INSERT INTO private.keys VALUES (1, 'key-one'), (2, 'key-two');
CREATE TABLE private.asset (uid uuid PRIMARY KEY, symbol text NOT NULL);
INSERT INTO private.asset VALUES ('f0000000-0000-4000-8000-000000000001', 'HIDDEN');
CREATE TABLE public.secret (id int PRIMARY KEY, value text NOT NULL);
INSERT INTO public.secret VALUES (1, 'do not read');
`

/** MetaTables of the hidden tables: registered, owned by the owner, invisible to the app. */
export const HIDDEN_UIDS = {
  'public.secret': '0d5e0000-0000-4000-8000-0000005ec7e7',
  'private.keys': '0d5e0000-0000-4000-8000-0000000000e5',
  'private.asset': '0d5e0000-0000-4000-8000-0000000a55e7',
} as const

/** Every MetaTable of the escape world, by schema-qualified name. */
export const ALL_UIDS: Readonly<Record<string, string>> = { ...LEGIT_UIDS, ...HIDDEN_UIDS }

/** The attacker: write on trade, read on asset, account, price and venue, nothing on the hidden tables. */
export const APP = { id: 'escape-app', token: 'escape-app-token-000000000001' } as const

/** Writes the escape world over `database`. */
export function writeEscapeWorld(database: LegitDatabase): string {
  return writeLegitWorld(database, {
    extraTables: Object.entries(HIDDEN_UIDS).map(([name, uid]) => {
      const [schema, table] = name.split('.') as [string, string]
      return { uid, schema, table }
    }),
    principals: [{ id: APP.id, tokens: [APP.token] }],
    grants: [
      { principal: APP.id, meta_table_uid: LEGIT_UIDS['public.trade'], access: 'write' },
      ...(['public.asset', 'public.account', 'public.price', 'market.venue'] as const).map((name) => ({
        principal: APP.id,
        meta_table_uid: LEGIT_UIDS[name],
        access: 'read',
      })),
    ],
    limits: { run_query_max_rows: 10 },
  })
}

/**
 * What the database holds, read straight from it: every user table's row
 * count and an md5 of its rows, `trade_id_seq`, the user relations that exist,
 * and the large objects. The stub's own schema is left out: the
 * server creates it at start-up.
 */
export const DIRECT_FINGERPRINT_SQL = `
SELECT 'table ' || t.name AS item, t.n::text AS n, t.h AS h FROM (
  SELECT 'public.account' AS name, count(*) AS n, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS h FROM public.account x
  UNION ALL SELECT 'public.asset', count(*), md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM public.asset x
  UNION ALL SELECT 'public.price', count(*), md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM public.price x
  UNION ALL SELECT 'public.trade', count(*), md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM public.trade x
  UNION ALL SELECT 'market.venue', count(*), md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM market.venue x
  UNION ALL SELECT 'public.secret', count(*), md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM public.secret x
  UNION ALL SELECT 'private.keys', count(*), md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM private.keys x
  UNION ALL SELECT 'private.asset', count(*), md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM private.asset x
) t
UNION ALL SELECT 'sequence public.trade_id_seq', last_value::text, is_called::text FROM public.trade_id_seq
UNION ALL SELECT 'relations', count(*)::text, md5(string_agg(n.nspname || '.' || c.relname || ':' || c.relkind::text, ',' ORDER BY n.nspname, c.relname))
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'compiled_sql_stub') AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'
UNION ALL SELECT 'large objects', count(*)::text, '' FROM pg_largeobject_metadata
`

/** The owner of every MetaTable: it reads the fingerprints through run_query. */
export const OWNER = LEGIT_OWNER
