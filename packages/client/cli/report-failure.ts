import { RequestError } from '../src/index.js'
import type { Io } from './io.js'

/**
 * Prints a failed request: the protocol's error body on stdout with `--json`
 * (what a script parses), and a readable line on stderr always.
 */
export function reportRequestFailure(error: RequestError, io: Io, json: boolean): void {
  if (json) {
    const body = typeof error.body === 'object' && error.body !== null ? error.body : { ok: false, error: { code: error.code, message: error.message, retryable: error.retryable } }
    io.stdout.write(`${JSON.stringify(body, null, 2)}\n`)
  }
  const where = [
    error.status === undefined ? 'no response' : `HTTP ${error.status}`,
    error.sqlstate !== undefined ? `SQLSTATE ${error.sqlstate}` : undefined,
    error.position !== undefined ? `at character ${error.position}` : undefined,
    error.requestId !== undefined ? `request ${error.requestId}` : undefined,
  ].filter((part) => part !== undefined)
  io.stderr.write(`error: ${error.code}: ${error.message} (${where.join(', ')})\n`)
}
