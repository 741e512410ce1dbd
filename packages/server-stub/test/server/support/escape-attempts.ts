import type { ErrorCode } from '@compiled-sql/protocol'
import { ALL_UIDS } from './escape-world.js'

type Operation = 'select' | 'insert' | 'update' | 'delete' | 'upsert'

/** An execute-operation attempt: the claimed kind, the SQL, and the declared scope (`name` or `name:write`). */
export interface OperationAttempt {
  readonly route: 'execute'
  readonly name: string
  readonly operation: Operation
  readonly sql: string
  readonly scope: readonly string[]
  readonly parameters?: Record<string, unknown>
  readonly parameterTypes?: Record<string, string>
  readonly status: number
  readonly code: ErrorCode
}

/** A run_query attempt on one MetaTable. */
export interface RunQueryAttempt {
  readonly route: 'run_query'
  readonly name: string
  readonly table: string
  readonly sql: string
  readonly status: number
  readonly code: ErrorCode
}

/** One attempt to leave the declared scope or the declared statement kind, and the exact refusal it must get. */
export type EscapeAttempt = OperationAttempt | RunQueryAttempt

const TRADE_W = ['public.trade:write']
const TRADE_R = ['public.trade']
const INSERT_TRADE = "INSERT INTO public.trade (asset_uid, venue_id, qty, side, at) VALUES ('b0000000-0000-4000-8000-000000000001', 1, 1, 'buy', '2024-05-01T00:00:00Z')"

const select = (name: string, sql: string, code: ErrorCode, scope: readonly string[] = TRADE_R, status = 422): EscapeAttempt => ({
  route: 'execute',
  name,
  operation: 'select',
  sql,
  scope,
  status,
  code,
})
const write = (name: string, operation: Operation, sql: string, code: ErrorCode, scope: readonly string[] = TRADE_W, status = 422): EscapeAttempt => ({
  route: 'execute',
  name,
  operation,
  sql,
  scope,
  status,
  code,
})
const runQuery = (name: string, sql: string, code: ErrorCode, table = 'public.trade', status = 422): EscapeAttempt => ({ route: 'run_query', name, table, sql, status, code })

// prettier-ignore
export const ESCAPE_ATTEMPTS: readonly EscapeAttempt[] = [
  // stacked statements
  select('stacked select then delete', 'SELECT t.id FROM public.trade t; DELETE FROM public.trade', 'not_single_statement', TRADE_W),
  select('stacked after a string holding a semicolon', "SELECT ';' AS s FROM public.trade; DROP TABLE public.secret", 'not_single_statement'),
  write('stacked delete of an unscoped table after a scoped delete', 'delete', 'DELETE FROM public.trade WHERE id = 1; DELETE FROM public.secret', 'not_single_statement'),
  select('stacked COMMIT then write', 'SELECT 1 FROM public.trade; COMMIT; DELETE FROM public.trade', 'not_single_statement', TRADE_W),
  // data-modifying CTEs and reads that are not reads
  select('data-modifying CTE in a select', 'WITH d AS (DELETE FROM public.trade RETURNING id) SELECT id FROM d', 'statement_not_allowed', TRADE_W),
  select('data-modifying CTE in a sub-select', 'SELECT * FROM (WITH u AS (UPDATE public.trade SET qty = 0 RETURNING id) SELECT id FROM u) s', 'statement_not_allowed', TRADE_W),
  write('data-modifying CTE on the scoped write table inside an insert', 'insert', `WITH d AS (DELETE FROM public.trade RETURNING id) ${INSERT_TRADE}`, 'statement_not_allowed'),
  write('data-modifying CTE on an unscoped table inside a scoped update', 'update', 'WITH d AS (DELETE FROM public.secret RETURNING id) UPDATE public.trade SET qty = qty WHERE id IN (SELECT id FROM d)', 'statement_not_allowed'),
  select('SELECT ... FOR UPDATE', 'SELECT t.id FROM public.trade t FOR UPDATE', 'statement_not_allowed', TRADE_W),
  select('FOR SHARE SKIP LOCKED in a sub-select', 'SELECT s.id FROM (SELECT t.id FROM public.trade t FOR SHARE SKIP LOCKED) s', 'statement_not_allowed'),
  select('SELECT INTO a new table', 'SELECT t.* INTO public.stolen FROM public.trade t', 'statement_not_allowed'),
  // statements that are never allowed
  write('COPY to a program', 'insert', "COPY public.trade TO PROGRAM 'touch /tmp/pwned'", 'statement_not_allowed'),
  write('COPY from a server file', 'insert', "COPY public.trade FROM '/etc/passwd'", 'statement_not_allowed'),
  select('EXPLAIN ANALYZE of a delete', 'EXPLAIN ANALYZE DELETE FROM public.trade', 'statement_not_allowed', TRADE_W),
  write('DO block', 'update', "DO $$ BEGIN DELETE FROM public.trade; END $$", 'statement_not_allowed'),
  write('CALL', 'update', 'CALL public.wipe()', 'statement_not_allowed'),
  write('MERGE', 'update', 'MERGE INTO public.trade t USING public.secret s ON t.id = s.id WHEN MATCHED THEN DELETE', 'statement_not_allowed'),
  write('TRUNCATE', 'delete', 'TRUNCATE public.trade', 'statement_not_allowed'),
  select('SET search_path', 'SET search_path = private', 'statement_not_allowed'),
  write('LOCK TABLE', 'update', 'LOCK TABLE public.trade IN ACCESS EXCLUSIVE MODE', 'statement_not_allowed'),
  write('DROP TABLE', 'delete', 'DROP TABLE public.trade', 'statement_not_allowed'),
  // kinds that are not what they claim
  select('a delete declared as select', 'DELETE FROM public.trade WHERE id < 10', 'statement_kind_mismatch', TRADE_W),
  write('an update declared as insert', 'insert', 'UPDATE public.trade SET qty = 0', 'statement_kind_mismatch'),
  write('an upsert declared as insert', 'insert', `${INSERT_TRADE} ON CONFLICT (id) DO UPDATE SET qty = 0`, 'statement_kind_mismatch'),
  write('a plain insert declared as upsert', 'upsert', INSERT_TRADE, 'statement_kind_mismatch'),
  write('a delete declared as update', 'update', 'DELETE FROM public.trade', 'statement_kind_mismatch'),
  // writes beyond the declared access
  write('an update of a read-scoped table', 'update', 'UPDATE public.asset SET decimals = 0', 'write_not_in_scope', ['public.asset', ...TRADE_W]),
  write('a delete of read-scoped market.venue', 'delete', 'DELETE FROM market.venue', 'write_not_in_scope', ['market.venue', ...TRADE_W]),
  write('an insert whose target is named like a CTE', 'insert', "WITH asset AS (SELECT 1) INSERT INTO asset (uid, account_uid, symbol, name) VALUES ('f0000000-0000-4000-8000-000000000009', 'a0000000-0000-4000-8000-000000000001', 'X', 'x')", 'write_not_in_scope', ['public.asset', ...TRADE_W]),
  write('a write locking a read-scoped table', 'update', 'UPDATE public.trade SET qty = 1 WHERE asset_uid IN (SELECT a.uid FROM public.asset a FOR UPDATE)', 'write_not_in_scope', ['public.asset', ...TRADE_W]),
  write('write access to a table granted only read', 'update', 'UPDATE public.asset SET decimals = 0', 'access_denied', ['public.asset:write'], 403),
  write('a hidden table in the scope', 'delete', 'DELETE FROM public.secret', 'meta_table_not_found', ['public.secret:write'], 404),
  // relations out of scope, wherever they hide
  select('an unscoped table', 'SELECT * FROM public.secret', 'relation_not_in_scope'),
  select('an unscoped table through the search path', 'SELECT * FROM secret', 'relation_not_in_scope'),
  select('an unscoped table spelled with quotes and upper case', 'SELECT * FROM PUBLIC."secret"', 'relation_not_in_scope'),
  select('a scope alias naming an unscoped table', 'SELECT * FROM secret', 'relation_not_in_scope', ['public.trade@secret']),
  write('a scope alias naming an unscoped write target', 'delete', 'DELETE FROM secret', 'relation_not_in_scope', ['public.trade:write@secret']),
  select('another database', 'SELECT * FROM otherdb.public.trade', 'relation_not_in_scope'),
  select('a CTE named like a scoped table over an unscoped one', 'WITH asset AS (SELECT * FROM private.keys) SELECT * FROM asset', 'relation_not_in_scope', ['public.asset']),
  select('a CTE named like a scoped table hides no schema-qualified table', 'WITH asset AS (SELECT 1 AS uid) SELECT a.uid, p.symbol FROM asset a, private.asset p', 'relation_not_in_scope', ['public.asset']),
  select('a CTE named keys hides no private.keys', 'WITH keys AS (SELECT 1 AS id) SELECT k.secret FROM private.keys k', 'relation_not_in_scope'),
  select('an unscoped table in LIMIT', 'SELECT t.id FROM public.trade t ORDER BY t.id LIMIT (SELECT count(*) FROM public.secret)', 'relation_not_in_scope'),
  select('an unscoped table in LATERAL', 'SELECT t.id, k.secret FROM public.trade t, LATERAL (SELECT k.secret FROM private.keys k WHERE k.id = t.id) k', 'relation_not_in_scope'),
  select('an unscoped table in VALUES', 'SELECT v.x FROM (VALUES ((SELECT max(secret) FROM private.keys))) v(x)', 'relation_not_in_scope'),
  select('an unscoped table in EXISTS', "SELECT t.id FROM public.trade t WHERE EXISTS (SELECT 1 FROM public.secret s WHERE s.value = 'x')", 'relation_not_in_scope'),
  write('a write reading an unscoped table through RETURNING', 'insert', `${INSERT_TRADE} RETURNING (SELECT k.secret FROM private.keys k LIMIT 1)`, 'relation_not_in_scope'),
  write('an upsert reading an unscoped table in ON CONFLICT', 'upsert', `${INSERT_TRADE} ON CONFLICT (id) DO UPDATE SET qty = (SELECT count(*) FROM public.secret)`, 'relation_not_in_scope'),
  write('UPDATE ... FROM an unscoped table', 'update', 'UPDATE public.trade t SET qty = 0 FROM public.secret s WHERE s.id = 1', 'relation_not_in_scope'),
  write('DELETE ... USING an unscoped table', 'delete', 'DELETE FROM public.trade t USING private.keys k WHERE k.id = 1', 'relation_not_in_scope'),
  // catalogs and reg* casts
  select('pg_catalog.pg_class', 'SELECT relname FROM pg_catalog.pg_class', 'catalog_access_not_allowed'),
  select('information_schema.tables', 'SELECT table_name FROM information_schema.tables', 'catalog_access_not_allowed'),
  select('pg_shadow', 'SELECT usename, passwd FROM pg_shadow', 'catalog_access_not_allowed'),
  select('pg_authid in a scalar sub-select', 'SELECT (SELECT rolpassword FROM pg_authid LIMIT 1) AS p FROM public.trade', 'catalog_access_not_allowed'),
  select('pg_authid spelled with Unicode escapes', 'SELECT * FROM U&"\\0070g_authid"', 'catalog_access_not_allowed'),
  select('regclass cast', "SELECT 'private.keys'::regclass AS r", 'catalog_access_not_allowed'),
  select('CAST to regnamespace', "SELECT CAST('private' AS regnamespace) AS r", 'catalog_access_not_allowed'),
  // side-effecting and scope-bypassing functions
  select('pg_sleep', 'SELECT pg_sleep(5)', 'function_not_allowed'),
  select('set_config', "SELECT set_config('search_path', 'private', false)", 'function_not_allowed'),
  select('dblink', "SELECT * FROM dblink('dbname=postgres', 'DELETE FROM public.trade') AS t(x text)", 'function_not_allowed'),
  select('query_to_xml', "SELECT query_to_xml('SELECT * FROM private.keys', true, true, '')", 'function_not_allowed'),
  select('lo_import', "SELECT lo_import('/etc/passwd')", 'function_not_allowed'),
  select('pg_read_file', "SELECT pg_read_file('/etc/passwd')", 'function_not_allowed'),
  select('nextval', "SELECT nextval('public.trade_id_seq')", 'function_not_allowed'),
  write('setval in an update', 'update', "UPDATE public.trade SET qty = setval('public.trade_id_seq', 1) WHERE id = 1", 'function_not_allowed'),
  select('pg_terminate_backend', 'SELECT pg_terminate_backend(pg_backend_pid())', 'function_not_allowed'),
  // parameters are values, never SQL
  { route: 'execute', name: 'a type token carrying SQL', operation: 'select', sql: 'SELECT t.id FROM public.trade t WHERE t.id = %(id)s', scope: TRADE_R, parameters: { id: 1 }, parameterTypes: { id: 'int4); DELETE FROM public.trade; --' }, status: 400, code: 'invalid_value' },
  // run_query is read-only and limited to its MetaTable
  runQuery('a delete through run_query', 'DELETE FROM public.trade', 'statement_not_allowed'),
  runQuery('an insert through run_query', 'INSERT INTO public.trade (asset_uid) VALUES (NULL)', 'statement_not_allowed'),
  runQuery('a data-modifying CTE through run_query', 'WITH d AS (DELETE FROM public.trade RETURNING id) SELECT id FROM d', 'statement_not_allowed'),
  runQuery('FOR UPDATE through run_query', 'SELECT id FROM public.trade FOR UPDATE', 'statement_not_allowed'),
  runQuery('EXPLAIN ANALYZE of a delete through run_query', 'EXPLAIN ANALYZE DELETE FROM public.trade', 'statement_not_allowed'),
  runQuery('EXPLAIN ANALYZE of a select through run_query', 'EXPLAIN ANALYZE SELECT id FROM public.trade', 'statement_not_allowed'),
  runQuery('SELECT INTO through run_query', 'SELECT * INTO public.stolen FROM public.trade', 'statement_not_allowed'),
  runQuery('stacked statements through run_query', 'SELECT 1; DELETE FROM public.trade', 'not_single_statement'),
  runQuery('another readable MetaTable through run_query', 'SELECT symbol FROM public.asset', 'relation_not_in_scope'),
  runQuery('a hidden MetaTable through run_query', 'SELECT value FROM public.secret', 'meta_table_not_found', 'public.secret', 404),
]

/** The scope entries of an attempt, as the envelope declares them: `schema.table[:write][@alias]`. */
export function scopeTables(scope: readonly string[]): { meta_table_uid: string; access: 'read' | 'write'; alias?: string }[] {
  return scope.map((entry) => {
    const [table = '', alias] = entry.split('@')
    const [name = '', access] = table.split(':')
    const uid = ALL_UIDS[name]
    if (uid === undefined) throw new Error(`no MetaTable for ${name}`)
    return { meta_table_uid: uid, access: access === 'write' ? 'write' : 'read', ...(alias !== undefined && { alias }) }
  })
}
