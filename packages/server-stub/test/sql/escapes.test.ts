import type { ErrorCode } from '@compiled-sql/protocol'
import { describe, expect, it } from 'vitest'
import type { AnalysisInput } from '../../src/sql/analysis-types.js'
import { refused } from './support.js'

/** An attempt to leave the declared scope or the declared statement kind, and the code that must stop it. */
interface Escape {
  readonly name: string
  readonly sql: string
  readonly code: ErrorCode
  readonly overrides?: Partial<AnalysisInput>
  /** A details entry the refusal must carry. */
  readonly details?: Record<string, string>
}

const W = { operation: 'insert' } as const
// prettier-ignore
const ESCAPES: readonly Escape[] = [
  // stacked and empty statements
  { name: 'stacked read then write', sql: 'SELECT 1 FROM trade; DELETE FROM trade', code: 'not_single_statement' },
  { name: 'stacked write after a read placeholder', sql: 'SELECT %(a)s; DROP TABLE trade', code: 'not_single_statement' },
  { name: 'comment only', sql: '-- nothing here', code: 'not_single_statement' },
  // kinds that are never allowed
  { name: 'COPY to a program', sql: "COPY trade TO PROGRAM 'id'", code: 'statement_not_allowed', details: { statement_kind: 'CopyStmt' } },
  { name: 'DO block', sql: 'DO $$ BEGIN PERFORM 1; END $$', code: 'statement_not_allowed', details: { statement_kind: 'DoStmt' } },
  { name: 'CALL', sql: 'CALL public.p()', code: 'statement_not_allowed', details: { statement_kind: 'CallStmt' } },
  { name: 'MERGE', sql: 'MERGE INTO trade t USING asset a ON true WHEN MATCHED THEN DELETE', code: 'statement_not_allowed', overrides: { operation: 'delete' } },
  { name: 'TRUNCATE', sql: 'TRUNCATE trade', code: 'statement_not_allowed', overrides: { operation: 'delete' } },
  { name: 'PREPARE', sql: 'PREPARE p AS SELECT 1', code: 'statement_not_allowed' },
  { name: 'EXECUTE', sql: 'EXECUTE p', code: 'statement_not_allowed' },
  { name: 'SET', sql: 'SET search_path = secret', code: 'statement_not_allowed' },
  { name: 'LOCK', sql: 'LOCK TABLE trade', code: 'statement_not_allowed' },
  { name: 'NOTIFY', sql: "NOTIFY ch, 'x'", code: 'statement_not_allowed' },
  { name: 'LISTEN', sql: 'LISTEN ch', code: 'statement_not_allowed' },
  { name: 'VACUUM', sql: 'VACUUM trade', code: 'statement_not_allowed' },
  { name: 'DDL', sql: 'CREATE TABLE public.x AS SELECT * FROM trade', code: 'statement_not_allowed' },
  { name: 'transaction control', sql: 'COMMIT', code: 'statement_not_allowed' },
  { name: 'EXPLAIN ANALYZE through run_query', sql: 'EXPLAIN ANALYZE DELETE FROM trade', code: 'statement_not_allowed', overrides: { operation: 'run_query' } },
  { name: 'EXPLAIN (ANALYZE false) through run_query', sql: 'EXPLAIN (ANALYZE false) SELECT 1', code: 'statement_not_allowed', overrides: { operation: 'run_query' } },
  { name: 'a write through run_query', sql: 'DELETE FROM trade', code: 'statement_not_allowed', overrides: { operation: 'run_query' } },
  { name: 'EXPLAIN of a write through run_query', sql: 'EXPLAIN DELETE FROM trade', code: 'statement_not_allowed', overrides: { operation: 'run_query' } },
  // reads that are not reads
  { name: 'data-modifying CTE in a select', sql: 'WITH d AS (DELETE FROM trade RETURNING id) SELECT * FROM d', code: 'statement_not_allowed' },
  { name: 'data-modifying CTE nested in a sub-select', sql: 'SELECT * FROM (WITH d AS (UPDATE trade SET qty = 0 RETURNING id) SELECT id FROM d) s', code: 'statement_not_allowed' },
  { name: 'data-modifying CTE in an update', sql: 'WITH d AS (DELETE FROM trade RETURNING id) UPDATE trade SET qty = 1 WHERE id IN (SELECT id FROM d)', code: 'statement_not_allowed', overrides: { operation: 'update' } },
  { name: 'SELECT ... FOR UPDATE', sql: 'SELECT * FROM trade FOR UPDATE', code: 'statement_not_allowed' },
  { name: 'FOR SHARE in a sub-select of a read', sql: 'SELECT * FROM (SELECT * FROM trade FOR SHARE) s', code: 'statement_not_allowed' },
  { name: 'SELECT INTO', sql: 'SELECT * INTO public.copy FROM trade', code: 'statement_not_allowed' },
  { name: 'an update sent as select', sql: 'UPDATE trade SET qty = 0', code: 'statement_kind_mismatch', details: { statement_kind: 'update' } },
  { name: 'an upsert sent as insert', sql: 'INSERT INTO trade (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET qty = 0', code: 'statement_kind_mismatch', overrides: W, details: { statement_kind: 'upsert' } },
  // catalogs
  { name: 'unqualified catalog', sql: 'SELECT * FROM pg_authid', code: 'catalog_access_not_allowed', details: { relation: 'pg_authid' } },
  { name: 'pg_catalog-qualified catalog', sql: 'SELECT * FROM pg_catalog.pg_class', code: 'catalog_access_not_allowed' },
  { name: 'a catalog spelled with Unicode escapes', sql: 'SELECT * FROM U&"\\0070g_authid"', code: 'catalog_access_not_allowed', details: { relation: 'pg_authid' } },
  { name: 'TABLE of an unscoped table', sql: 'TABLE secret', code: 'relation_not_in_scope' },
  { name: 'pg_sleep spelled with Unicode escapes', sql: 'SELECT U&"\\0070g_sleep"(1)', code: 'function_not_allowed', details: { function: 'pg_sleep' } },
  { name: 'information_schema', sql: 'SELECT * FROM information_schema.columns', code: 'catalog_access_not_allowed' },
  { name: 'catalog in a scalar sub-select', sql: 'SELECT (SELECT rolpassword FROM pg_authid LIMIT 1) FROM trade', code: 'catalog_access_not_allowed' },
  { name: 'regclass cast', sql: "SELECT 'trade'::regclass", code: 'catalog_access_not_allowed' },
  { name: 'CAST to regproc', sql: "SELECT CAST('now' AS pg_catalog.regproc)", code: 'catalog_access_not_allowed' },
  { name: 'oid cast', sql: 'SELECT %(x)s::oid', code: 'catalog_access_not_allowed' },
  // side-effecting and scope-bypassing functions
  { name: 'pg_sleep', sql: 'SELECT pg_sleep(10)', code: 'function_not_allowed', details: { function: 'pg_sleep' } },
  { name: 'pg_catalog.pg_sleep_for', sql: "SELECT pg_catalog.pg_sleep_for('1 hour')", code: 'function_not_allowed' },
  { name: 'set_config', sql: "SELECT set_config('search_path', 'secret', false)", code: 'function_not_allowed' },
  { name: 'current_setting', sql: "SELECT current_setting('data_directory')", code: 'function_not_allowed' },
  { name: 'dblink', sql: "SELECT * FROM dblink('dbname=x', 'select 1') AS t(a int)", code: 'function_not_allowed' },
  { name: 'query_to_xml', sql: "SELECT query_to_xml('select * from secret', true, true, '')", code: 'function_not_allowed' },
  { name: 'table_to_xml', sql: "SELECT table_to_xml('secret', true, true, '')", code: 'function_not_allowed' },
  { name: 'ts_stat', sql: "SELECT * FROM ts_stat('select v from secret')", code: 'function_not_allowed' },
  { name: 'lo_import', sql: "SELECT lo_import('/etc/passwd')", code: 'function_not_allowed' },
  { name: 'pg_read_file', sql: "SELECT pg_read_file('/etc/passwd')", code: 'function_not_allowed' },
  { name: 'pg_ls_dir in FROM', sql: "SELECT * FROM pg_ls_dir('.')", code: 'function_not_allowed' },
  { name: 'nextval', sql: "SELECT nextval('trade_id_seq')", code: 'function_not_allowed' },
  { name: 'setval in a write', sql: "UPDATE trade SET id = setval('trade_id_seq', 1)", code: 'function_not_allowed', overrides: { operation: 'update' } },
  { name: 'advisory lock', sql: 'SELECT pg_advisory_lock(1)', code: 'function_not_allowed' },
  { name: 'terminate a backend', sql: 'SELECT pg_terminate_backend(1)', code: 'function_not_allowed' },
  { name: 'a function in another schema', sql: 'SELECT public.lower(symbol) FROM asset', code: 'function_not_allowed', details: { function: 'public.lower' } },
  { name: 'a function reached by field selection', sql: "SELECT (%(s)s::text).current_setting", code: 'function_not_allowed', details: { function: 'current_setting' } },
  { name: 'pg_sleep reached through a FROM alias', sql: 'SELECT g.pg_sleep FROM generate_series(1, 1) g', code: 'function_not_allowed' },
  { name: 'current_catalog keyword', sql: 'SELECT current_catalog', code: 'function_not_allowed' },
  { name: 'an operator in another schema', sql: 'SELECT 1 FROM trade WHERE id OPERATOR(public.=) 1', code: 'operator_not_allowed' },
  // relations out of scope, wherever they hide
  { name: 'a CTE named like a scoped table hides no schema-qualified table', sql: 'WITH asset AS (SELECT 1) SELECT * FROM public.asset, secret.asset', code: 'relation_not_in_scope', details: { relation: 'secret.asset' } },
  { name: 'a CTE named like a scoped table over an unscoped one', sql: 'WITH trade AS (SELECT * FROM public.secret) SELECT * FROM trade', code: 'relation_not_in_scope', details: { relation: 'public.secret' } },
  { name: 'a CTE is invisible outside its sub-select', sql: 'SELECT * FROM (WITH secret AS (SELECT 1) SELECT * FROM secret) s, secret', code: 'relation_not_in_scope', details: { relation: 'secret' } },
  { name: 'a non-recursive CTE cannot see a later one', sql: 'WITH b AS (SELECT * FROM secret), secret AS (SELECT 1) SELECT * FROM b', code: 'relation_not_in_scope' },
  { name: 'unscoped table in EXISTS', sql: 'SELECT 1 FROM trade WHERE EXISTS (SELECT 1 FROM secret)', code: 'relation_not_in_scope' },
  { name: 'unscoped table in LATERAL', sql: 'SELECT * FROM trade t, LATERAL (SELECT * FROM secret s WHERE s.id = t.id) x', code: 'relation_not_in_scope' },
  { name: 'unscoped table in LIMIT', sql: 'SELECT * FROM trade LIMIT (SELECT count(*) FROM secret)', code: 'relation_not_in_scope' },
  { name: 'unscoped table in VALUES', sql: 'SELECT * FROM (VALUES ((SELECT max(id) FROM secret))) v(x)', code: 'relation_not_in_scope' },
  { name: 'unscoped table in RETURNING', sql: 'INSERT INTO trade (id) VALUES (1) RETURNING (SELECT max(id) FROM secret)', code: 'relation_not_in_scope', overrides: W },
  { name: 'unscoped table in ON CONFLICT', sql: 'INSERT INTO trade (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET qty = (SELECT max(qty) FROM secret)', code: 'relation_not_in_scope', overrides: { operation: 'upsert' } },
  { name: 'unscoped table in DELETE USING', sql: 'DELETE FROM trade USING secret WHERE secret.id = trade.id', code: 'relation_not_in_scope', overrides: { operation: 'delete' } },
  { name: 'unscoped table in UPDATE FROM', sql: 'UPDATE trade SET qty = s.qty FROM secret s', code: 'relation_not_in_scope', overrides: { operation: 'update' } },
  { name: 'unscoped table in a window ORDER BY sub-select', sql: 'SELECT rank() OVER (ORDER BY (SELECT 1 FROM secret)) FROM trade', code: 'relation_not_in_scope' },
  { name: 'unscoped table in a function argument', sql: 'SELECT lower((SELECT name FROM secret LIMIT 1))', code: 'relation_not_in_scope' },
  { name: 'an unscoped schema through the search path', sql: 'SELECT * FROM venue', code: 'relation_not_in_scope', details: { relation: 'venue' } },
  { name: 'another database', sql: 'SELECT * FROM otherdb.public.trade', code: 'relation_not_in_scope' },
  { name: 'a write to a read-scoped table', sql: 'UPDATE asset SET decimals = 0', code: 'write_not_in_scope', overrides: { operation: 'update' }, details: { relation: 'asset' } },
  { name: 'a delete of a read-scoped table', sql: 'DELETE FROM market.venue', code: 'write_not_in_scope', overrides: { operation: 'delete' } },
  { name: 'a write whose target is named like a CTE', sql: 'WITH asset AS (SELECT 1) INSERT INTO asset SELECT 1', code: 'write_not_in_scope', overrides: W },
  { name: 'a write that locks a read-scoped table', sql: 'INSERT INTO trade (id) SELECT a.decimals FROM asset a FOR UPDATE', code: 'write_not_in_scope', overrides: W },
  // placeholders that are not placeholders
  { name: 'a native $1 parameter', sql: 'SELECT * FROM trade WHERE id = $1', code: 'parameter_style_mismatch' },
  { name: 'a bare % outside strings', sql: 'SELECT id % 2 FROM trade', code: 'sql_syntax_error' },
  { name: 'syntax only PostgreSQL 18 knows (RETURNING WITH OLD)', sql: 'UPDATE trade SET qty = 1 RETURNING WITH (OLD AS o) o.qty', code: 'sql_syntax_error', overrides: { operation: 'update' } },
  // constructs the checker does not know
  { name: 'TABLESAMPLE', sql: 'SELECT * FROM trade TABLESAMPLE SYSTEM (50)', code: 'unsupported_syntax', details: { node: 'RangeTableSample' } },
  { name: 'XMLTABLE', sql: "SELECT * FROM XMLTABLE('/a' PASSING ('<a/>'::xml) COLUMNS x int)", code: 'unsupported_syntax' },
  { name: 'WHERE CURRENT OF', sql: 'DELETE FROM trade WHERE CURRENT OF c', code: 'unsupported_syntax', overrides: { operation: 'delete' } },
]

describe('escape attempts', () => {
  it('number at least 40', () => {
    expect(ESCAPES.length).toBeGreaterThanOrEqual(40)
  })

  it.each(ESCAPES.map((e) => [e.name, e] as const))('%s is refused', async (_name, escape) => {
    const error = await refused(escape.sql, escape.overrides)
    expect(error.code).toBe(escape.code)
    if (escape.details !== undefined) expect(error.details).toMatchObject(escape.details)
  })
})
