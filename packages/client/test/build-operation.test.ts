import { validateOperation } from '@compiled-sql/protocol'
import { describe, expect, it } from 'vitest'
import { buildOperation, buildOperationSync, DATA_SOURCE_ENV_VAR, type OperationInput } from '../src/index.js'
import { buildErrorOf } from './catch-build-error.js'

const ASSET = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
const SOURCE = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd'
// No test reads the real environment: every call passes its own.
const NO_ENV = { env: {} }

/** The bytes the upstream Python SDK sends for the seed's query (sdk-contract.md). */
const UPSTREAM_BYTES =
  '{"operation": "select", "version": "compiled-sql.v1", "dialect": "postgresql", "statement": {"sql": "SELECT a.uid FROM public.asset AS a WHERE a.symbol ILIKE %(symbol_1)s AND a.as_of >= %(as_of)s ORDER BY a.uid", "parameters": {"symbol_1": "%BTC%", "as_of": "2026-05-28"}, "parameter_types": {"as_of": "date"}, "paramstyle": "pyformat"}, "scope": {"data_source_uid": "dddddddd-dddd-4ddd-8ddd-dddddddddddd", "tables": [{"meta_table_uid": "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", "alias": "a", "access": "read", "reserved_policy": "reject"}]}, "limits": {"max_rows": 500, "offset": 0, "statement_timeout_ms": 15000}}'

const minimal = (overrides: Partial<OperationInput> = {}): OperationInput => ({
  operation: 'select',
  sql: 'SELECT 1',
  scope: { dataSourceUid: SOURCE, tables: [{ metaTableUid: ASSET }] },
  ...overrides,
})

describe('buildOperation', () => {
  it('produces the upstream SDK envelope for the seed query, key order included', async () => {
    const envelope = await buildOperation(
      {
        operation: 'select',
        sql: 'SELECT a.uid FROM public.asset AS a WHERE a.symbol ILIKE %(symbol_1)s AND a.as_of >= %(as_of)s ORDER BY a.uid',
        parameters: { symbol_1: '%BTC%', as_of: new Date('2026-05-28T00:00:00Z') },
        parameterTypes: { as_of: 'date' },
        scope: { tables: [{ metaTableUid: ASSET, alias: 'a', reservedPolicy: 'reject' }] },
        limits: { maxRows: 500 },
      },
      { env: {}, defaultDataSourceUid: SOURCE },
    )
    expect(JSON.stringify(envelope)).toBe(JSON.stringify(JSON.parse(UPSTREAM_BYTES)))
  })

  it('fills version, dialect, paramstyle, empty parameters, access read and the limits defaults', async () => {
    expect(await buildOperation(minimal(), NO_ENV)).toEqual({
      operation: 'select',
      version: 'compiled-sql.v1',
      dialect: 'postgresql',
      statement: { sql: 'SELECT 1', parameters: {}, paramstyle: 'pyformat' },
      scope: { data_source_uid: SOURCE, tables: [{ meta_table_uid: ASSET, access: 'read' }] },
      limits: { max_rows: 1000, offset: 0, statement_timeout_ms: 15000 },
    })
  })

  it('accepts the snake_case spellings and serializes snake_case', async () => {
    const envelope = await buildOperation(
      minimal({
        operation: 'update',
        scope: { data_source_uid: SOURCE, tables: [{ meta_table_uid: ASSET, access: 'write', reserved_policy: 'reconcile' }] },
        limits: { max_rows: 7, offset: 3, statement_timeout_ms: 100 },
      }),
      NO_ENV,
    )
    expect([envelope.scope, envelope.limits]).toEqual([
      { data_source_uid: SOURCE, tables: [{ meta_table_uid: ASSET, access: 'write', reserved_policy: 'reconcile' }] },
      { max_rows: 7, offset: 3, statement_timeout_ms: 100 },
    ])
  })

  it('always returns an envelope the protocol validator accepts', async () => {
    const envelope = await buildOperation(minimal({ sql: 'SELECT %s, %s', parameters: [new Date(0), 5n] }), NO_ENV)
    expect(validateOperation(envelope).ok).toBe(true)
    expect(envelope.statement.parameter_types).toEqual({ '0': 'timestamp with time zone', '1': 'int64' })
  })

  const spellings: [string, OperationInput, string][] = [
    ['metaTableUid', minimal({ scope: { dataSourceUid: SOURCE, tables: [{ metaTableUid: ASSET, meta_table_uid: ASSET }] } }), '/scope/tables/0/meta_table_uid'],
    ['dataSourceUid', minimal({ scope: { dataSourceUid: SOURCE, data_source_uid: SOURCE, tables: [{ metaTableUid: ASSET }] } }), '/scope/data_source_uid'],
    ['reservedPolicy', minimal({ scope: { dataSourceUid: SOURCE, tables: [{ metaTableUid: ASSET }, { metaTableUid: ASSET, reservedPolicy: 'reject', reserved_policy: 'reject' }] } }), '/scope/tables/1/reserved_policy'],
    ['maxRows', minimal({ limits: { maxRows: 1, max_rows: 1 } }), '/limits/max_rows'],
  ]
  it.each(spellings)('rejects both spellings of %s in one object', async (_name, input, path) => {
    const error = await buildErrorOf(() => buildOperation(input, NO_ENV))
    expect([error.code, error.path]).toEqual(['invalid_value', path])
    expect(error.message).toContain('keep one spelling')
  })

  const invalid: [string, OperationInput, string, string][] = [
    ['a wrong version', minimal({ version: 'compiled-sql.v2' }), 'unsupported_version', '/version'],
    ['a wrong dialect', minimal({ dialect: 'mysql' }), 'unsupported_dialect', '/dialect'],
    ['a wrong paramstyle', minimal({ paramstyle: 'numeric' }), 'unsupported_paramstyle', '/statement/paramstyle'],
    ['empty SQL', minimal({ sql: '' }), 'too_small', '/statement/sql'],
    ['an empty scope', minimal({ scope: { dataSourceUid: SOURCE, tables: [] } }), 'too_small', '/scope/tables'],
    ['max_rows 0', minimal({ limits: { maxRows: 0 } }), 'too_small', '/limits/max_rows'],
    ['a negative offset', minimal({ limits: { offset: -1 } }), 'too_small', '/limits/offset'],
    ['statement_timeout_ms 0', minimal({ limits: { statementTimeoutMs: 0 } }), 'too_small', '/limits/statement_timeout_ms'],
    ['an unknown operation', minimal({ operation: 'merge' as 'select' }), 'invalid_value', '/operation'],
    ['an unknown type token', minimal({ sql: 'SELECT %(a)s', parameters: { a: 1 }, parameterTypes: { a: 'money' } }), 'invalid_value', '/statement/parameter_types/a'],
    ['an empty explicit data source', minimal({ scope: { dataSourceUid: '', tables: [{ metaTableUid: ASSET }] } }), 'too_small', '/scope/data_source_uid'],
    ['an unknown table field', minimal({ scope: { dataSourceUid: SOURCE, tables: [{ metaTableUid: ASSET, schema: 'x' } as never] } }), 'unknown_field', '/scope/tables/0/schema'],
    ['an undefined parameter', minimal({ sql: 'SELECT %(a)s', parameters: { a: undefined } }), 'invalid_parameter_value', '/statement/parameters/a'],
  ]
  it.each(invalid)('rejects %s with a typed error and a path', async (_name, input, code, path) => {
    const error = await buildErrorOf(() => buildOperation(input, NO_ENV))
    expect([error.code, error.path]).toEqual([code, path])
  })

  it('keeps every validator issue, the reported one first', async () => {
    const error = await buildErrorOf(() => buildOperation(minimal({ sql: '', limits: { maxRows: 0 } }), NO_ENV))
    const found = error.issues.map((issue) => [issue.code, issue.instancePath])
    expect(found[0]).toEqual(['too_small', '/statement/sql'])
    expect(found).toContainEqual(['too_small', '/limits/max_rows'])
    expect([error.code, error.path]).toEqual(['too_small', '/statement/sql'])
  })

  it('says how to fix a wrong version', async () => {
    const error = await buildErrorOf(() => buildOperation(minimal({ version: 'v2' }), NO_ENV))
    expect(error.message).toContain('set it to "compiled-sql.v1"')
  })
})

describe('default data source', () => {
  const withoutSource = minimal({ scope: { tables: [{ metaTableUid: ASSET }] } })
  const sourceOf = async (options: Parameters<typeof buildOperation>[1]): Promise<string | undefined> =>
    (await buildOperation(withoutSource, options)).scope.data_source_uid

  it('prefers explicit, then the client default, then the environment, then the hook', async () => {
    const hook = async (): Promise<string> => 'from-hook'
    const env = { [DATA_SOURCE_ENV_VAR]: 'from-env' }
    expect(await buildOperation(minimal(), { env, defaultDataSourceUid: 'from-default', resolveDataSourceUid: hook }).then((e) => e.scope.data_source_uid)).toBe(SOURCE)
    expect(await sourceOf({ env, defaultDataSourceUid: 'from-default', resolveDataSourceUid: hook })).toBe('from-default')
    expect(await sourceOf({ env, resolveDataSourceUid: hook })).toBe('from-env')
    expect(await sourceOf({ env: { [DATA_SOURCE_ENV_VAR]: '' }, resolveDataSourceUid: hook })).toBe('from-hook')
  })

  it('does not call the hook when an earlier source resolves', async () => {
    let calls = 0
    await buildOperation(withoutSource, { env: {}, defaultDataSourceUid: SOURCE, resolveDataSourceUid: () => `${++calls}` })
    expect(calls).toBe(0)
  })

  it('reads the environment through globalThis.process by default', async () => {
    const previous = process.env[DATA_SOURCE_ENV_VAR]
    process.env[DATA_SOURCE_ENV_VAR] = 'from-process-env'
    try {
      expect(await sourceOf({})).toBe('from-process-env')
    } finally {
      if (previous === undefined) delete process.env[DATA_SOURCE_ENV_VAR]
      else process.env[DATA_SOURCE_ENV_VAR] = previous
    }
  })

  it('says how to configure one when none resolves', async () => {
    const error = await buildErrorOf(() => buildOperation(withoutSource, { env: {}, resolveDataSourceUid: async () => undefined }))
    expect([error.code, error.path]).toEqual(['missing_field', '/scope/data_source_uid'])
    for (const way of ['scope.dataSourceUid', 'defaultDataSourceUid', DATA_SOURCE_ENV_VAR, 'resolveDataSourceUid']) expect(error.message).toContain(way)
  })

  it('rejects a hook that returns a non-string', async () => {
    const error = await buildErrorOf(() => buildOperation(withoutSource, { env: {}, resolveDataSourceUid: async () => 42 as unknown as string }))
    expect([error.code, error.path]).toEqual(['invalid_type', '/scope/data_source_uid'])
  })
})

describe('buildOperationSync', () => {
  it('builds the same envelope as buildOperation without the hook', async () => {
    const input = minimal({ sql: 'SELECT %(n)s', parameters: { n: 1n } })
    expect(buildOperationSync(input, NO_ENV)).toEqual(await buildOperation(input, NO_ENV))
  })

  it('resolves the environment but has no hook to fall back on', async () => {
    const withoutSource = minimal({ scope: { tables: [{ metaTableUid: ASSET }] } })
    expect(buildOperationSync(withoutSource, { env: { [DATA_SOURCE_ENV_VAR]: 'e' } }).scope.data_source_uid).toBe('e')
    const error = await buildErrorOf(() => buildOperationSync(withoutSource, NO_ENV))
    expect([error.code, error.path]).toEqual(['missing_field', '/scope/data_source_uid'])
  })
})
