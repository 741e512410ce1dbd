import { describe, expect, it } from 'vitest'
import { isDeniedFunctionName } from '../../src/sql/function-denylist.js'
import { ALLOWED_FUNCTION_NAMES, ALLOWED_OPERATOR_SYMBOLS } from '../../src/sql/generated/function-allowlist.js'
import { accepted, refused } from './support.js'

/** The 28 function names the legit corpus calls explicitly. */
const CORPUS_FUNCTIONS = [
  'array_append',
  'avg',
  'cardinality',
  'concat',
  'count',
  'date_trunc',
  'decode',
  'dense_rank',
  'encode',
  'jsonb_array_elements_text',
  'jsonb_array_length',
  'jsonb_path_query',
  'jsonb_path_query_first',
  'lag',
  'length',
  'lower',
  'max',
  'min',
  'octet_length',
  'rank',
  'regexp_replace',
  'round',
  'row_number',
  'split_part',
  'substr',
  'sum',
  'unnest',
  'upper',
]

/** Families the protocol requires denied: files, sleep, locks, signals, configuration, large objects, sequences, SQL in a string. */
const DENIED = [
  'pg_sleep',
  'pg_sleep_for',
  'pg_sleep_until',
  'pg_read_file',
  'pg_read_binary_file',
  'pg_ls_dir',
  'pg_ls_waldir',
  'pg_advisory_lock',
  'pg_advisory_xact_lock',
  'pg_try_advisory_lock',
  'pg_terminate_backend',
  'pg_cancel_backend',
  'set_config',
  'current_setting',
  'lo_import',
  'lo_export',
  'lo_unlink',
  'lo_get',
  'nextval',
  'setval',
  'currval',
  'lastval',
  'query_to_xml',
  'query_to_xml_and_xmlschema',
  'table_to_xml',
  'table_to_xml_and_xmlschema',
  'ts_stat',
  'ts_rewrite',
  'dblink',
  'dblink_exec',
  'pg_notify',
  'txid_current',
  'version',
  'inet_server_addr',
  'has_table_privilege',
  'to_regclass',
  'pg_get_viewdef',
]

describe('the function allowlist', () => {
  it('lets every function the corpus calls through', () => {
    const allowed = new Set(ALLOWED_FUNCTION_NAMES)
    expect(CORPUS_FUNCTIONS.filter((name) => !allowed.has(name))).toEqual([])
  })

  it('holds none of the denied families', () => {
    const allowed = new Set(ALLOWED_FUNCTION_NAMES)
    expect(DENIED.filter((name) => allowed.has(name) || !isDeniedFunctionName(name))).toEqual([])
  })

  it('is sorted and free of duplicates', () => {
    expect([...new Set(ALLOWED_FUNCTION_NAMES)].sort()).toEqual(ALLOWED_FUNCTION_NAMES)
  })

  it('keeps the few volatile value generators and the size helpers', () => {
    const allowed = new Set(ALLOWED_FUNCTION_NAMES)
    expect(['random', 'gen_random_uuid', 'clock_timestamp', 'pg_typeof', 'pg_size_pretty', 'now'].filter((n) => !allowed.has(n))).toEqual(
      [],
    )
  })

  it.each(DENIED)('refuses a call of %s', async (name) => {
    const error = await refused(`SELECT ${name}(%(a)s)`)
    expect(error).toMatchObject({ code: 'function_not_allowed', details: { function: name }, position: 8 })
  })

  it('refuses a call of a denied function qualified with pg_catalog, reporting the name as written', async () => {
    const error = await refused('SELECT pg_catalog.pg_sleep(1)')
    expect(error).toMatchObject({ code: 'function_not_allowed', details: { function: 'pg_catalog.pg_sleep' } })
  })

  it('finds calls everywhere: FROM, ORDER BY, FILTER, window frames, ON CONFLICT, RETURNING', async () => {
    for (const [sql, operation] of [
      ['SELECT * FROM trade, LATERAL pg_ls_dir(%(a)s) d', 'select'],
      ['SELECT id FROM trade ORDER BY pg_backend_pid()', 'select'],
      ['SELECT count(*) FILTER (WHERE pg_sleep(1) IS NULL) FROM trade', 'select'],
      ['SELECT sum(qty) OVER (ORDER BY id ROWS BETWEEN nextval(%(s)s) PRECEDING AND CURRENT ROW) FROM trade', 'select'],
      ['INSERT INTO trade (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET qty = pg_sleep(1)', 'upsert'],
      ['DELETE FROM trade RETURNING set_config(%(a)s, %(b)s, true)', 'delete'],
    ] as const) {
      expect((await refused(sql, { operation })).code).toBe('function_not_allowed')
    }
  })

  it('reads EXTRACT as extract and AT TIME ZONE as timezone, both allowed', async () => {
    await accepted('SELECT extract(year FROM at), at AT TIME ZONE %(z)s, date_part(%(f)s, at) FROM trade')
  })

  it('accepts coalesce, greatest, least and nullif, which are not function calls', async () => {
    await accepted('SELECT coalesce(qty, 0), greatest(qty, 1), least(qty, 2), nullif(qty, 0) FROM trade')
  })

  it('accepts date and time keywords and current_user, but not current_catalog or current_schema', async () => {
    await accepted('SELECT current_timestamp, current_date, localtimestamp(3), current_user, session_user FROM trade')
    expect((await refused('SELECT current_schema')).code).toBe('function_not_allowed')
    expect((await refused('SELECT current_catalog')).code).toBe('function_not_allowed')
  })

  it('regression: a field selection that names no column is a function call ((x).current_setting)', async () => {
    for (const sql of [
      'SELECT (%(a)s::text).current_setting',
      'SELECT u.current_setting FROM unnest(%(a)s::text[]) u',
      'SELECT g.pg_sleep FROM generate_series(1, 1) g',
      'SELECT (t).pg_column_size FROM trade t',
      'SELECT (%(c)s::text).dblink_connect',
    ]) {
      expect((await refused(sql)).code).toBe('function_not_allowed')
    }
  })

  it('regression: a column named like a denied function that no single argument reaches is a column (t.version)', async () => {
    await accepted('SELECT t.version, t.current_database, (t.meta).x FROM trade t')
  })
})

describe('operators', () => {
  it('allows the operators the corpus uses', () => {
    const allowed = new Set(ALLOWED_OPERATOR_SYMBOLS)
    const used = ['=', '<>', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '||', '->', '->>', '?', '@>', '&&', '~~', '!~~', '~~*']
    expect(used.filter((op) => !allowed.has(op))).toEqual([])
  })

  it('accepts pg_catalog-qualified operators and refuses others, wherever they appear', async () => {
    await accepted('SELECT 1 FROM trade WHERE id OPERATOR(pg_catalog.=) 1')
    for (const sql of [
      'SELECT 1 FROM trade WHERE id OPERATOR(public.=) 1',
      'SELECT 1 FROM trade WHERE id OPERATOR(public.=) ANY (SELECT 1)',
      'SELECT 1 FROM trade ORDER BY id USING OPERATOR(public.<)',
      'SELECT 1 FROM trade WHERE id =/=/ 1',
    ]) {
      expect((await refused(sql)).code).toBe('operator_not_allowed')
    }
  })
})

describe('types', () => {
  it.each([
    'regclass',
    'regproc',
    'regprocedure',
    'regoper',
    'regoperator',
    'regtype',
    'regrole',
    'regnamespace',
    'regconfig',
    'regdictionary',
    'regcollation',
    'oid',
    'regclass[]',
    'pg_catalog.regclass',
    '_regclass',
  ])('refuses a cast to %s', async (type) => {
    expect((await refused(`SELECT %(x)s::${type}`)).code).toBe('catalog_access_not_allowed')
  })

  it('refuses catalog types in a column definition list', async () => {
    const error = await refused('SELECT * FROM jsonb_to_record(%(j)s) AS r(t regclass)')
    expect(error.code).toBe('catalog_access_not_allowed')
  })

  it('accepts ordinary casts', async () => {
    await accepted("SELECT %(a)s::uuid[], CAST(qty AS numeric(12, 2)), interval '1 day', %(b)s::jsonb FROM trade")
  })
})

describe('parameter hints', () => {
  it('marks a parameter whose every use is a direct argument of a VARIADIC "any" function', async () => {
    const result = await accepted(
      'SELECT concat(%(a)s, %(b)s::text), format(%(f)s, %(a)s), json_build_object(%(k)s, qty) FROM trade WHERE side = %(b)s',
    )
    const byName = Object.fromEntries(result.placeholders.map((p) => [p.name, result.hints[p.number - 1]?.anyArgument]))
    expect(byName).toEqual({ a: true, b: false, f: true, k: true })
  })

  it('does not mark a parameter also used elsewhere, nor one passed with VARIADIC', async () => {
    const result = await accepted('SELECT concat(%(a)s), concat(VARIADIC %(v)s) FROM trade WHERE side = %(a)s')
    expect(result.hints.map((h) => h.anyArgument)).toEqual([false, false])
  })
})
