import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ClientScriptStep } from '@compiled-sql/protocol'
import { unrollScript } from './client-case.js'
import type { RecordedRequest } from './recorded-request.js'

/** One case's share of the server: its URL prefix, its script, and what arrived. */
export interface CaseRecording {
  /** The endpoint to configure the client with: the server's root plus `/c/<n>`. */
  readonly endpoint: string
  /** Every request that arrived for the case, in order. */
  readonly requests: readonly RecordedRequest[]
  /** Stops recording: later requests for this prefix are answered 404 and not kept. */
  close(): void
}

interface ActiveCase {
  readonly steps: readonly ClientScriptStep[]
  readonly requests: RecordedRequest[]
  readonly startedAt: number
}

const PREFIX = /^\/c\/([0-9]+)(\/.*)?$/

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

/** A protocol error body, for answers that are the runner's own, not the script's. */
function runnerError(response: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ ok: false, error: { code, kind: status === 404 ? 'not_found' : 'internal_error', message, retryable: false }, detail: message })
  response.writeHead(status, { 'content-type': 'application/json' }).end(body)
}

function play(step: ClientScriptStep, request: IncomingMessage, response: ServerResponse): void {
  if ('reset' in step) {
    // The request was read in full: the client cannot tell whether it was applied.
    request.socket.destroy()
    return
  }
  const headers: Record<string, string> = { ...step.headers }
  let body = ''
  if (step.json !== undefined) {
    body = JSON.stringify(step.json)
    headers['content-type'] ??= 'application/json'
  } else if (step.body_text !== undefined) {
    body = step.body_text
    headers['content-type'] ??= 'text/plain; charset=utf-8'
  }
  response.writeHead(step.status, headers).end(body)
}

/**
 * The client suite's stand-in for a server: plain `node:http` on loopback.
 * Each case gets a URL prefix of its own (`/c/<n>`), so that every request is
 * attributed to its case; the server answers a case's requests with its
 * script, in arrival order, and records each one with its arrival time.
 */
export class RecordingServer {
  readonly #server: Server
  readonly #cases = new Map<number, ActiveCase>()
  #next = 1

  private constructor(server: Server) {
    this.#server = server
  }

  /** Starts the server on a free loopback port. */
  static async start(): Promise<RecordingServer> {
    const server = createServer()
    // Longer than any client's idle timeout, so the client, not the server, closes idle connections.
    server.keepAliveTimeout = 60_000
    const recording = new RecordingServer(server)
    server.on('request', (request, response) => void recording.#handle(request, response))
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
    return recording
  }

  /** The server's root URL. */
  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`
  }

  /** Opens the next case's prefix with its script (each step `times` times in a row). */
  open(script: readonly ClientScriptStep[]): CaseRecording {
    const index = this.#next++
    const active: ActiveCase = { steps: unrollScript(script), requests: [], startedAt: performance.now() }
    this.#cases.set(index, active)
    return { endpoint: `${this.url}/c/${index}`, requests: active.requests, close: () => void this.#cases.delete(index) }
  }

  /** Stops the server and drops every open connection. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#server.closeAllConnections()
      this.#server.close(() => resolve())
    })
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const arrived = performance.now()
    const match = PREFIX.exec(request.url ?? '')
    const active = match === null ? undefined : this.#cases.get(Number(match[1]))
    const body = await readBody(request).catch(() => undefined)
    if (active === undefined || body === undefined || match === null) {
      runnerError(response, 404, 'route_not_found', `no open case for ${request.url ?? ''}`)
      return
    }
    const step = active.steps[active.requests.length]
    active.requests.push({
      method: request.method ?? '',
      path: match[2] ?? '/',
      headers: headersOf(request),
      body,
      arrived_ms: Math.round((arrived - active.startedAt) * 1000) / 1000,
      answer: step === undefined ? 'unscripted' : 'reset' in step ? 'reset' : step.status,
    })
    if (step === undefined) runnerError(response, 500, 'internal_error', `the case's script has no response for request ${active.requests.length}`)
    else play(step, request, response)
  }
}
