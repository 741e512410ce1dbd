import { LosslessNumber, parse, stringify } from 'lossless-json'

/** An HTTP exchange whose JSON body was read losslessly: every number is a `LosslessNumber`. */
export interface ExactExchange {
  readonly status: number
  readonly headers: Headers
  /** The body, parsed with every number kept as its exact text. */
  readonly body: any
  readonly text: string
}

/** What a request carries besides its body. */
export interface ExactPostOptions {
  /** The bearer token; `null` sends no Authorization header. */
  readonly token: string | null
  readonly headers?: Record<string, string>
}

/** Parses JSON text keeping every number's exact digits (as `LosslessNumber`). */
export function parseExact(text: string): unknown {
  return parse(text, null, (digits) => new LosslessNumber(digits))
}

/**
 * Posts `body` over real loopback HTTP. A value is serialized with
 * lossless-json, so `LosslessNumber`s and `bigint`s go out with every digit
 * (JSON.stringify would round or refuse them); a string is sent as it is.
 */
export async function postExact(base: string, path: string, body: unknown, options: ExactPostOptions): Promise<ExactExchange> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers }
  if (options.token !== null) headers.authorization = `Bearer ${options.token}`
  const text = typeof body === 'string' ? body : (stringify(body) as string)
  const response = await fetch(base + path, { method: 'POST', headers, body: text })
  const answer = await response.text()
  return { status: response.status, headers: response.headers, text: answer, body: answer === '' ? undefined : parseExact(answer) }
}

/** A run_query body: the SQL as a JSON string literal. */
export function runQueryBody(sql: string): string {
  return JSON.stringify(sql)
}

/** The execute-operation route of TS Manager. */
export const EXECUTE_PATH = '/orm/api/ts_manager/meta_table/execute-operation/'

/** The run_query route of TS Manager for one MetaTable. */
export function runQueryPath(metaTableUid: string): string {
  return `/orm/api/ts_manager/meta_table/${metaTableUid}/run_query/`
}
