/** One line of the structured access log. Parameter values never appear in it. */
export interface AccessLogEntry {
  readonly time: string
  readonly request_id: string
  readonly method: string
  readonly path: string
  readonly status: number
  readonly duration_ms: number
  readonly principal?: string
  readonly operation?: string
  readonly code?: string
  readonly meta_table_uids?: readonly string[]
}

/** Where access-log lines go. The default writes JSON lines to standard error. */
export type AccessLogger = (entry: AccessLogEntry) => void

/** Writes each entry as one JSON line to standard error. */
export const stderrAccessLogger: AccessLogger = (entry) => {
  process.stderr.write(`${JSON.stringify(entry)}\n`)
}
