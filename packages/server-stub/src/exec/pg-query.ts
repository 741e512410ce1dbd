import type pg from 'pg'

/** Text rows of one statement, with PostgreSQL's row description. */
export interface RawResult {
  readonly command: string
  readonly rowCount: number | null
  readonly fields: readonly pg.FieldDef[]
  readonly rows: readonly (readonly (string | null)[])[]
}

const keepText = (value: string): string => value

/**
 * node-postgres reads `types` twice: as the type-parser table of the result,
 * and as the parameter type OIDs of the Parse message. One array that also
 * has `getTypeParser` does both: it declares the parameter types, and keeps
 * every result value as PostgreSQL's text so that encoding sees exact digits.
 */
export function parameterTypes(typeOids: readonly number[]): number[] & pg.CustomTypesConfig {
  return Object.assign([...typeOids], { getTypeParser: () => keepText }) as unknown as number[] & pg.CustomTypesConfig
}

/**
 * Sends one statement over the extended protocol (Parse/Bind/Describe/Execute/Sync),
 * even without parameters, with rows as arrays (duplicate column names survive).
 * On a client made with `pipeline: true`, several calls made without awaiting
 * go out in one flight, each with its own Sync.
 */
export function sendQuery(
  client: pg.ClientBase,
  text: string,
  values: readonly (string | null)[] = [],
  typeOids: readonly number[] = [],
): Promise<RawResult> {
  const config = { text, values: [...values], rowMode: 'array' as const, queryMode: 'extended', types: parameterTypes(typeOids) }
  return client.query(config as pg.QueryArrayConfig) as Promise<RawResult>
}

/**
 * Sends statements of the executor's own (constant text, no parameters) as one
 * simple-protocol Query message: several `;`-separated statements cost one
 * message and no planning. The text goes as a plain string, which node-postgres
 * takes as it is; a config object would be cloned on every call. They return
 * no rows, so the client's default type parsers never run. Never used for
 * request SQL, which always goes through {@link sendQuery}.
 */
export function sendSimple(client: pg.ClientBase, text: string): Promise<unknown> {
  return client.query(text)
}

/**
 * Runs `send` with the connection's socket corked, so that the messages of
 * every statement it sends leave in one write instead of one per statement
 * (node-postgres corks each statement on its own; corks nest).
 */
export function inOneWrite<T>(client: pg.ClientBase, send: () => T): T {
  const stream = (client as unknown as { connection?: { stream?: { cork?: () => void; uncork?: () => void } } }).connection?.stream
  stream?.cork?.()
  try {
    return send()
  } finally {
    stream?.uncork?.()
  }
}
