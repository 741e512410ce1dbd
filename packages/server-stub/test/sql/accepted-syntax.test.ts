import { describe, it } from 'vitest'
import type { AnalyzedOperation } from '../../src/sql/analysis-types.js'
import { accepted } from './support.js'

/** Legitimate SQL beyond the corpus that a fail-closed checker must still know. */
const LEGITIMATE: readonly [string, AnalyzedOperation, string][] = [
  ['LIKE and ILIKE with ESCAPE', 'select', 'SELECT side LIKE %(p)s ESCAPE %(e)s, side ILIKE %(p)s ESCAPE %(e)s FROM trade'],
  [
    'ordered-set and ordered aggregates',
    'select',
    'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY qty), string_agg(side, %(s)s ORDER BY id), array_agg(DISTINCT side) FROM trade',
  ],
  [
    'grouping sets',
    'select',
    'SELECT venue_id, side, sum(qty) FROM trade GROUP BY ROLLUP (venue_id, side), CUBE (side), GROUPING SETS ((venue_id), ()) HAVING GROUPING(venue_id) = 0',
  ],
  [
    'named windows and frames',
    'select',
    'SELECT sum(qty) OVER w, lag(qty, 1) OVER w FROM trade WINDOW w AS (PARTITION BY side ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)',
  ],
  ['FETCH WITH TIES', 'select', 'SELECT * FROM trade ORDER BY id FETCH FIRST 5 ROWS WITH TIES'],
  [
    'SQL-syntax functions and COLLATE',
    'select',
    'SELECT interval %(i)s day, (tags)[1:2], position(%(a)s in side), substring(side from 1 for 2), trim(both %(x)s from side), overlay(side placing %(y)s from 1), side COLLATE "C" FROM trade',
  ],
  ['a record function with a column definition list', 'select', 'SELECT x, y FROM jsonb_to_recordset(%(j)s::jsonb) AS r(x int, y text)'],
  [
    'ROWS FROM WITH ORDINALITY',
    'select',
    'SELECT * FROM ROWS FROM (generate_series(1, 3), unnest(%(a)s::int[])) WITH ORDINALITY AS g(a, b, n)',
  ],
  [
    'ARRAY, ROW, scalar and EXISTS sub-selects',
    'select',
    'SELECT ARRAY(SELECT id FROM trade), ROW(1, 2), (SELECT max(id) FROM trade), EXISTS (SELECT 1 FROM trade) IS TRUE FROM trade',
  ],
  [
    'named arguments and text search',
    'select',
    'SELECT make_interval(days => %(d)s), now(), gen_random_uuid(), to_char(at, %(f)s), to_tsvector(%(l)s, side) @@ plainto_tsquery(%(q)s) FROM trade',
  ],
  ['TABLE and ONLY', 'select', 'SELECT * FROM ONLY trade UNION ALL TABLE trade'],
  ['multi-column assignment and subscripts', 'update', 'UPDATE trade SET (qty, side) = (SELECT 1, %(s)s), raw[1] = 0 WHERE id = %(i)s'],
  ['DEFAULT VALUES', 'insert', 'INSERT INTO trade DEFAULT VALUES'],
  ['OVERRIDING SYSTEM VALUE', 'insert', 'INSERT INTO trade OVERRIDING SYSTEM VALUE VALUES (1)'],
  ['ON CONFLICT ON CONSTRAINT', 'upsert', 'INSERT INTO trade AS t (id) VALUES (1) ON CONFLICT ON CONSTRAINT trade_pkey DO NOTHING'],
  [
    'an inference expression with an opclass',
    'upsert',
    'INSERT INTO trade (id) VALUES (1) ON CONFLICT (lower(side) COLLATE "C" text_pattern_ops) WHERE qty > 0 DO UPDATE SET qty = EXCLUDED.qty WHERE trade.qty < EXCLUDED.qty',
  ],
  [
    'NATURAL, USING with an alias, LATERAL VALUES',
    'select',
    'SELECT * FROM trade t1 NATURAL JOIN trade t2 JOIN trade t3 USING (id) AS j CROSS JOIN LATERAL (VALUES (t1.id)) v(x)',
  ],
  [
    'SEARCH and CYCLE',
    'select',
    'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SEARCH DEPTH FIRST BY n SET ord CYCLE n SET is_cycle USING path SELECT * FROM t',
  ],
  ['jsonb operators', 'select', 'SELECT jsonb_path_query(meta, %(p)s), meta #>> %(path)s::text[], meta - %(k)s FROM asset'],
  ['FILTER', 'select', 'SELECT count(*) FILTER (WHERE side = %(s)s) FROM trade'],
  [
    'a data-only CTE in a write',
    'delete',
    'WITH old AS (SELECT id FROM trade WHERE at < %(t)s) DELETE FROM trade USING old WHERE old.id = trade.id RETURNING trade.id',
  ],
]

describe('legitimate syntax', () => {
  it.each(LEGITIMATE)('accepts %s', async (_what, operation, sql) => {
    await accepted(sql, { operation })
  })
})
