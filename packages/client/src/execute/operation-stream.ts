import type { CompiledSqlOperation, Rows, SelectResult } from '@compiled-sql/protocol'
import type { Connection } from '../http/connection.js'
import type { ExecuteOptions } from './client-options.js'
import { readPages } from './read-pages.js'

/** One row of a result, keyed by column name. */
export type Row = Rows[number]

/**
 * A read in progress: iterate it for pages, or call {@link OperationStream.rows}
 * for rows. Pages are requested as the iteration asks for them, so memory
 * holds one page at a time. It can be iterated once.
 *
 * @example
 * ```ts
 * for await (const page of client.streamOperation(envelope)) console.log(page.pagination.offset, page.row_count)
 * for await (const row of client.streamOperation(envelope).rows()) process(row)
 * ```
 */
export class OperationStream implements AsyncIterable<SelectResult> {
  readonly #pages: AsyncGenerator<SelectResult, void, undefined>
  #started = false

  /** @internal Use `MetaTableClient.streamOperation`. */
  constructor(connection: Connection, envelope: CompiledSqlOperation, options: ExecuteOptions) {
    this.#pages = readPages(connection, envelope, options)
  }

  [Symbol.asyncIterator](): AsyncIterator<SelectResult> {
    if (this.#started) throw new TypeError('an OperationStream can be iterated once; call streamOperation again for another pass')
    this.#started = true
    return this.#pages
  }

  /** The rows of every page, in order. */
  async *rows(): AsyncGenerator<Row, void, undefined> {
    for await (const page of this) yield* page.rows
  }
}
