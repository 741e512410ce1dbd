import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { parseExact } from './exact-json.js'

/** An HTTP request exactly as the runner sends it. */
export interface HttpRequest {
  readonly method: string
  /** The request target (path and query). */
  readonly path: string
  /** Header values by lowercase name. */
  readonly headers: Readonly<Record<string, string>>
  readonly body?: Buffer | undefined
}

/** An HTTP response as the runner received it. */
export interface HttpResponse {
  readonly status: number
  /** Header values by lowercase name (repeated headers joined with `, `). */
  readonly headers: Readonly<Record<string, string>>
  /** The body as UTF-8 text. */
  readonly text: string
  /** The body read with every number exact, when it is JSON. */
  readonly json?: unknown
  /** Why the body is not JSON, when it is not (or is empty). */
  readonly jsonError?: string
}

/** No answer at all: the connection failed, broke, or timed out. */
export class TransportError extends Error {}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
  return flat
}

function readBody(text: string): Pick<HttpResponse, 'json' | 'jsonError'> {
  if (text === '') return { jsonError: 'the body is empty' }
  try {
    return { json: parseExact(text) }
  } catch (error) {
    return { jsonError: `the body is not JSON: ${(error as Error).message}` }
  }
}

/**
 * Sends one request to `baseUrl` with `node:http`, which, unlike `fetch`,
 * sends any method, header and byte sequence as given: malformed bodies and
 * wrong content types are cases of the suite.
 *
 * @throws {TransportError} when no complete answer arrives within `timeoutMs`.
 */
export function sendHttp(baseUrl: string, request: HttpRequest, timeoutMs: number): Promise<HttpResponse> {
  const base = new URL(baseUrl)
  const send = base.protocol === 'https:' ? httpsRequest : httpRequest
  const headers = { ...request.headers, ...(request.body === undefined ? {} : { 'content-length': String(request.body.length) }) }
  return new Promise((resolve, reject) => {
    const outgoing = send(
      { protocol: base.protocol, hostname: base.hostname, port: base.port, method: request.method, path: request.path, headers },
      (incoming) => {
        const chunks: Buffer[] = []
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
        incoming.on('error', (error) => reject(new TransportError(`the response broke off: ${error.message}`)))
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({ status: incoming.statusCode ?? 0, headers: flatHeaders(incoming.headers), text, ...readBody(text) })
        })
      },
    )
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new TransportError(`no answer within ${timeoutMs} ms`)))
    outgoing.on('error', (error) => reject(error instanceof TransportError ? error : new TransportError(error.message)))
    outgoing.end(request.body)
  })
}
