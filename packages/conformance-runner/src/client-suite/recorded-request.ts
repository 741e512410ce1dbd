/** One request as the recording server received it, and what it answered. */
export interface RecordedRequest {
  readonly method: string
  /** The path after the case's prefix (`/orm/api/ts_manager/meta_table/execute-operation/`), query included. */
  readonly path: string
  /** Headers by lowercase name; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>
  /** The body as UTF-8 text. */
  readonly body: string
  /** When the request's headers arrived, in milliseconds since the case started. */
  readonly arrived_ms: number
  /** The scripted answer it got: a status, `reset`, or `unscripted` when the script had run out. */
  readonly answer: number | 'reset' | 'unscripted'
}
