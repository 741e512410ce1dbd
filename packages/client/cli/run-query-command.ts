import { RequestError } from '../src/index.js'
import { clientFromFlags, timeoutFlag, type ConnectionFlags } from './connection-flags.js'
import { EXIT } from './exit-codes.js'
import type { Io } from './io.js'
import { columnNames, renderTable } from './render-rows.js'
import { reportRequestFailure } from './report-failure.js'

/** The flags of `compiled-sql meta-table run_query`. */
export interface RunQueryFlags extends ConnectionFlags {
  readonly json?: boolean
  readonly timeout?: string
}

/**
 * `compiled-sql meta-table run_query <META_TABLE_UID> "<SQL>"`: runs raw
 * read-only SQL, as `mainsequence meta-table run_query` does. Prints a summary
 * and the rows as a table, or the response as JSON with `--json`; exits 1 when
 * `ok` is false.
 */
export async function runQueryCommand(metaTableUid: string, sql: string, flags: RunQueryFlags, io: Io): Promise<number> {
  const timeoutMs = timeoutFlag(flags.timeout)
  const client = clientFromFlags(flags, io.env, timeoutMs === undefined ? {} : { timeoutMs })
  try {
    const response = await client.runQuery(metaTableUid, sql)
    if (flags.json === true) {
      io.stdout.write(`${JSON.stringify(response, null, 2)}\n`)
      return EXIT.ok
    }
    const summary = [
      ['ok', String(response.ok)],
      ['query id', response.query_id],
      ['meta table', response.meta_table_uid],
      ['row count', String(response.row_count)],
      ['truncated', String(response.truncated)],
      ['max rows', String(response.max_rows)],
    ]
    io.stdout.write(summary.map(([label, value]) => `${label!.padEnd(10)}  ${value}`).join('\n') + '\n\n')
    io.stdout.write(renderTable(response.results, columnNames(response.results, response.columns)))
    return EXIT.ok
  } catch (error) {
    if (!(error instanceof RequestError)) throw error
    if (flags.json !== true) io.stdout.write(`ok          false\nmeta table  ${metaTableUid}\n`)
    reportRequestFailure(error, io, flags.json === true)
    return EXIT.failed
  }
}
