import type { WireDocument } from './schemas.js'
import { UPSTREAM_SDK_BYTES } from './upstream-bytes.js'

/** A valid document the mutants start from, as the exact text a client sends. */
export interface SeedDocument {
  readonly id: string
  readonly document: WireDocument
  readonly text: string
}

/**
 * A typical envelope: a select with a join, three named parameters (one typed),
 * two scope tables and explicit limits. The benchmark measures it too.
 */
export const TYPICAL_ENVELOPE = {
  operation: 'select',
  version: 'compiled-sql.v1',
  dialect: 'postgresql',
  statement: {
    sql:
      'SELECT asset.uid, asset.symbol, account.name FROM public.asset AS asset ' +
      'JOIN public.account AS account ON asset.account_uid = account.uid ' +
      'WHERE account.uid = %(account_uid)s AND asset.symbol ILIKE %(symbol_1)s AND asset.as_of >= %(as_of)s ' +
      'ORDER BY asset.uid',
    parameters: { account_uid: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', symbol_1: '%BTC%', as_of: '2026-05-28' },
    parameter_types: { account_uid: 'uuid', as_of: 'date' },
    paramstyle: 'pyformat',
  },
  scope: {
    data_source_uid: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
    tables: [
      { meta_table_uid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', alias: 'asset', access: 'read' },
      { meta_table_uid: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', alias: 'account', access: 'read' },
    ],
  },
  limits: { max_rows: 1000, offset: 0, statement_timeout_ms: 15000 },
} as const

const positionalUpsert = {
  operation: 'upsert',
  version: 'compiled-sql.v1',
  dialect: 'postgresql',
  statement: {
    sql: 'INSERT INTO public.asset (uid, symbol, tags, meta) VALUES (%s, %s, %s, %s) ON CONFLICT (uid) DO UPDATE SET symbol = EXCLUDED.symbol',
    parameters: ['aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'BTC', ['a', null], { nested: [1, 2.5, true, null] }],
    parameter_types: { '0': 'uuid', '2': 'string[]', '3': 'jsonb' },
    paramstyle: 'pyformat',
  },
  scope: { tables: [{ meta_table_uid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', access: 'write', reserved_policy: 'reconcile' }] },
  limits: { max_rows: 1, offset: 0, statement_timeout_ms: 2147483647 },
}

const minimalDelete = {
  operation: 'delete',
  version: 'compiled-sql.v1',
  statement: { sql: 'DELETE FROM public.asset WHERE uid = %(uid)s', parameters: { uid: null } },
  scope: { tables: [{ meta_table_uid: 'x' }] },
}

const selectResult = {
  ok: true,
  operation: 'select',
  dialect: 'postgresql',
  row_count: 2,
  rows: [{ uid: 'a', n: '9007199254740993', as_of: '2026-05-28', tags: ['x'], doc: { k: 1 } }, { uid: 'b', n: null, as_of: null, tags: [], doc: null }],
  columns: [
    { name: 'uid', type: 'text' },
    { name: 'n', type: 'bigint' },
    { name: 'as_of', type: 'date' },
    { name: 'tags', type: 'text[]' },
    { name: 'doc', type: 'jsonb', source_name: 'doc' },
  ],
  truncated: true,
  max_rows: 5,
  pagination: { limit: 2, offset: 0, returned_count: 2, has_more: true, next_offset: 2 },
  scope: { meta_table_uids: ['aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'], data_source_uid: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd' },
  warnings: [{ code: 'unordered_pagination', message: 'a paged read without ORDER BY' }],
  request_id: 'req-1',
}

const writeResult = {
  ok: true,
  operation: 'update',
  dialect: 'postgresql',
  row_count: 3,
  rows: [],
  truncated: false,
  max_rows: 1000,
  scope: { meta_table_uids: ['aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'], data_source_uid: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd' },
}

const errorResponse = {
  ok: false,
  error: {
    code: 'sql_syntax_error',
    kind: 'sql_rejected',
    message: 'syntax error at or near "FORM"',
    retryable: false,
    sqlstate: '42601',
    position: 10,
    details: {
      issues: [{ code: 'missing_field', instancePath: '/statement/sql', message: 'sql is required' }],
      meta_table_uid: 'a',
      data_source_uids: ['d1', 'd2'],
      parameter: 'symbol_1',
      limit: 0,
      retry_after_ms: 1000,
    },
  },
  detail: 'syntax error at or near "FORM"',
  request_id: 'req-2',
}

const runQueryResponse = {
  ok: true,
  query_id: 'q-1',
  meta_table_uid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  results: [{ uid: 'a', price: 1.5 }],
  columns: [{ name: 'uid', type: 'text' }, { name: 'price', type: 'double precision' }],
  truncated: false,
  max_rows: 100,
  row_count: 1,
  error: null,
}

/**
 * Valid documents of every wire document, so the gate mutates something even
 * before the fixture corpus exists. The gate checks that they are valid.
 */
export const SEED_DOCUMENTS: readonly SeedDocument[] = [
  { id: 'seed.upstream-sdk-bytes', document: 'operation', text: UPSTREAM_SDK_BYTES },
  { id: 'seed.typical-envelope', document: 'operation', text: JSON.stringify(TYPICAL_ENVELOPE) },
  { id: 'seed.positional-upsert', document: 'operation', text: JSON.stringify(positionalUpsert) },
  { id: 'seed.minimal-delete', document: 'operation', text: JSON.stringify(minimalDelete) },
  { id: 'seed.select-result', document: 'operation-result', text: JSON.stringify(selectResult) },
  { id: 'seed.write-result', document: 'operation-result', text: JSON.stringify(writeResult) },
  { id: 'seed.error-response', document: 'error-response', text: JSON.stringify(errorResponse) },
  { id: 'seed.run-query-request', document: 'run-query-request', text: JSON.stringify('SELECT * FROM public.asset LIMIT 10') },
  { id: 'seed.run-query-response', document: 'run-query-response', text: JSON.stringify(runQueryResponse) },
]
