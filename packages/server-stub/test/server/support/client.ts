/** A raw HTTP exchange with the stub, over real loopback HTTP. */
export interface Exchange {
  readonly status: number
  readonly headers: Headers
  readonly body: any
  readonly text: string
}

/** Posts `body` (serialized unless it is already a string of bytes) to `path`. */
export async function post(
  base: string,
  path: string,
  body: unknown,
  options: { token?: string | null; contentType?: string; raw?: boolean; headers?: Record<string, string> } = {},
): Promise<Exchange> {
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json', ...options.headers }
  if (options.token !== null) headers.authorization = `Bearer ${options.token ?? ''}`
  const response = await fetch(base + path, { method: 'POST', headers, body: options.raw === true ? (body as string) : JSON.stringify(body) })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, body: text === '' ? undefined : JSON.parse(text) }
}

/** A select envelope over the asset table, for the scope given. */
export function envelope(overrides: Record<string, unknown> = {}, statement: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    operation: 'select',
    version: 'compiled-sql.v1',
    dialect: 'postgresql',
    statement: { sql: 'SELECT a.symbol FROM public.asset AS a ORDER BY a.symbol', parameters: {}, paramstyle: 'pyformat', ...statement },
    scope: { tables: [{ meta_table_uid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', alias: 'a', access: 'read' }] },
    limits: { max_rows: 1000, offset: 0, statement_timeout_ms: 15000 },
    ...overrides,
  }
}
