import { isInteger, parse } from 'lossless-json'
import { ProtocolError } from '../pipeline/protocol-error.js'

/** A parsed request body: the value to validate, and the same value with every integer exact. */
export interface JsonBody {
  /** As `JSON.parse` reads it; integers beyond 2^53 are rounded. For schema validation only. */
  readonly value: unknown
  /** As the client wrote it: integers beyond 2^53 are `bigint`. For binding. */
  readonly exact: unknown
}

// Sixteen digits in a row is the shortest text that can hold an integer beyond 2^53.
const MAYBE_UNSAFE_INTEGER = /\d{16}/

function exactNumber(text: string): number | bigint {
  if (isInteger(text)) {
    const value = Number(text)
    return Number.isSafeInteger(value) ? value : BigInt(text)
  }
  return Number(text)
}

/**
 * Parses a request body losslessly: integers beyond 2^53 keep every digit, so
 * that the server binds the value the client sent. The fast native parser
 * does the work unless the text holds a run of sixteen digits.
 *
 * @throws {ProtocolError} `invalid_json`, with the parser's message.
 */
export function parseJsonBody(text: string): JsonBody {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new ProtocolError('invalid_json', `the body is not JSON: ${(error as Error).message}`)
  }
  if (!MAYBE_UNSAFE_INTEGER.test(text)) return { value, exact: value }
  return { value, exact: parse(text, null, exactNumber) }
}
