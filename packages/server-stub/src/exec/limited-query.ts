import pg from 'pg'
import { parameterTypes, type RawResult } from './pg-query.js'

/** The part of node-postgres' wire connection a query drives. */
interface WireConnection {
  execute(config: { portal: string; rows: number }): void
  sync(): void
}

/**
 * node-postgres' own `Query`, executing its portal for at most `maxRows` rows
 * (the extended protocol's Execute row limit) and then stopping, where the
 * stock `Query` would keep fetching. Being a `Query`, it is allowed on a
 * pipelined client. It overrides two internals of pg 8.23 (`_getRows`,
 * `handlePortalSuspended`); the version is pinned and the tests cover it.
 */
class LimitedQuery extends pg.Query {
  readonly #maxRows: number

  constructor(config: pg.QueryConfig, maxRows: number) {
    super(config)
    this.#maxRows = maxRows
  }

  _getRows(connection: WireConnection): void {
    connection.execute({ portal: (this as unknown as { portal: string }).portal, rows: this.#maxRows })
    connection.sync()
  }

  /** The portal keeps the rows beyond the limit; nothing more is fetched (the stock Query would). */
  handlePortalSuspended(): void {}
}

/**
 * Runs a statement over the extended protocol and returns at most `maxRows`
 * rows: PostgreSQL stops at the limit and keeps the rest in the portal, which
 * the transaction's end drops. The first page of a read costs no cursor.
 */
export function sendLimitedQuery(
  client: pg.ClientBase,
  text: string,
  values: readonly (string | null)[],
  typeOids: readonly number[],
  maxRows: number,
): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const config = {
      text,
      values: [...values],
      rowMode: 'array',
      queryMode: 'extended',
      types: parameterTypes(typeOids),
      callback: (error: Error | null, result: RawResult) => (error ? reject(error) : resolve(result)),
    }
    client.query(new LimitedQuery(config as unknown as pg.QueryConfig, maxRows) as unknown as pg.QueryConfig)
  })
}
