import type { IncomingMessage } from 'node:http'
import { ProtocolError } from '../pipeline/protocol-error.js'

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/** Whether a `Content-Type` header names JSON (`application/json`, any parameters, any case). */
export function isJsonContentType(header: string | undefined): boolean {
  return header !== undefined && /^application\/json\s*(;|$)/i.test(header.trim())
}

/**
 * Reads a request body as UTF-8 text, refusing a non-JSON content type
 * (`unsupported_media_type`), a body over `maxBytes` (`payload_too_large`,
 * without reading the rest into memory), and bytes that are not UTF-8
 * (`invalid_json`).
 *
 * @throws {ProtocolError}
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  if (!isJsonContentType(request.headers['content-type'])) {
    throw new ProtocolError('unsupported_media_type', 'send the body as Content-Type: application/json')
  }
  const declared = Number(request.headers['content-length'])
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new ProtocolError('payload_too_large', `the body is ${declared} bytes; the limit is ${maxBytes}`, { details: { limit: maxBytes } })
  }
  const body = await collectBody(request, maxBytes)
  try {
    return decoder.decode(body)
  } catch {
    throw new ProtocolError('invalid_json', 'the body is not valid UTF-8')
  }
}

/**
 * The body's bytes, read with plain stream listeners: an async iterator costs
 * a promise and several allocations per chunk, on every request. Past
 * `maxBytes` it stops listening and keeps nothing more; the caller's error
 * path drains the rest, so the connection can still carry the answer.
 */
function collectBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const stop = (): void => {
      request.off('data', onData)
      request.off('end', onEnd)
      request.off('error', onError)
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > maxBytes) {
        stop()
        reject(new ProtocolError('payload_too_large', `the body is over the limit of ${maxBytes} bytes`, { details: { limit: maxBytes } }))
        return
      }
      chunks.push(chunk)
    }
    const onEnd = (): void => {
      stop()
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size))
    }
    const onError = (error: Error): void => {
      stop()
      reject(error)
    }
    request.on('data', onData)
    request.on('end', onEnd)
    request.on('error', onError)
  })
}
