import { LEGIT_UIDS } from './legit-world.js'

/** The options of {@link legitEnvelope}. */
export interface EnvelopeOptions {
  readonly parameters?: Record<string, unknown>
  readonly parameterTypes?: Record<string, string>
  readonly timeoutMs?: number
  readonly maxRows?: number
}

/**
 * A compiled-sql.v1 envelope over corpus tables. Each scope entry is a
 * schema-qualified table, `:write` appended for write access
 * (`public.trade:write`).
 */
export function legitEnvelope(operation: string, sql: string, scope: readonly string[], options: EnvelopeOptions = {}): Record<string, unknown> {
  return {
    version: 'compiled-sql.v1',
    dialect: 'postgresql',
    operation,
    statement: {
      sql,
      parameters: options.parameters ?? {},
      paramstyle: 'pyformat',
      ...(options.parameterTypes !== undefined && { parameter_types: options.parameterTypes }),
    },
    scope: {
      tables: scope.map((entry) => {
        const [name = '', access] = entry.split(':')
        const uid = (LEGIT_UIDS as Record<string, string>)[name]
        if (uid === undefined) throw new Error(`no MetaTable for ${name}`)
        return { meta_table_uid: uid, access: access === 'write' ? 'write' : 'read' }
      }),
    },
    limits: { max_rows: options.maxRows ?? 1000, offset: 0, statement_timeout_ms: options.timeoutMs ?? 15_000 },
  }
}
