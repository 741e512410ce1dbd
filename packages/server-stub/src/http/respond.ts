import type { ServerResponse } from 'node:http'
import { ERROR_CODES, REQUEST_ID_HEADER, type ErrorResponse } from '@compiled-sql/protocol'
import { stringify } from 'lossless-json'
import type { ProtocolError } from '../pipeline/protocol-error.js'

/**
 * Sends a JSON body. Values may hold `bigint`s and lossless numbers (exact
 * integers from jsonb columns and parameters), which `JSON.stringify` cannot
 * write, so the lossless serializer writes every body.
 */
export function sendJson(response: ServerResponse, status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): void {
  const text = stringify(body) ?? 'null'
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    [REQUEST_ID_HEADER.toLowerCase()]: requestId,
    ...headers,
  })
  response.end(text)
}

/** The error body of a {@link ProtocolError}, with the status its code fixes. */
export function errorBody(error: ProtocolError, requestId: string): { status: number; body: ErrorResponse; headers: Record<string, string> } {
  const info = ERROR_CODES[error.code]
  const { details, position, sqlstate, retryAfterSeconds } = error.options
  const body: ErrorResponse = {
    ok: false,
    error: {
      code: error.code,
      kind: info.kind,
      message: error.message,
      retryable: info.retryable,
      ...(sqlstate !== undefined && { sqlstate }),
      ...(position !== undefined && { position }),
      ...(details !== undefined && { details }),
    },
    detail: error.message,
    request_id: requestId,
  }
  const headers: Record<string, string> = retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) }
  return { status: info.status, body, headers }
}
