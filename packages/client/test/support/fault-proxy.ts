import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * What the proxy does with one request. `forward` passes it to the real
 * server-stub; the others inject a failure a real network or a real
 * overloaded service produces, so the client's retry and error paths run
 * against real HTTP.
 */
export type Fault =
  | { readonly kind: 'forward' }
  | { readonly kind: 'status'; readonly status: number; readonly headers?: Record<string, string>; readonly body?: string }
  /** Closes the connection without answering, before the server sees the request. */
  | { readonly kind: 'reset' }
  /** Forwards the request, lets the server finish it, then closes the connection instead of relaying the answer. */
  | { readonly kind: 'forward-then-reset' }
  /** Waits before forwarding. */
  | { readonly kind: 'delay'; readonly ms: number }

/** One request as the proxy received it. */
export interface RecordedRequest {
  readonly method: string
  readonly path: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
  /** When it arrived (ms, performance.now). */
  readonly at: number
}

/** A loopback HTTP proxy in front of a server, with a script of faults. */
export interface FaultProxy {
  readonly url: string
  readonly requests: RecordedRequest[]
  /** Faults for the next requests, in order; when the script runs out, requests are forwarded. */
  script(...faults: Fault[]): void
  close(): Promise<void>
}

function readBody(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    stream.on('data', (chunk: Buffer) => chunks.push(chunk))
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    stream.on('error', reject)
  })
}

/** Starts a proxy on a free loopback port that relays to `target` (an http URL). */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target)
  const requests: RecordedRequest[] = []
  let faults: Fault[] = []

  const forward = (method: string, path: string, headers: IncomingHttpHeaders, body: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const outgoing = httpRequest({ host: upstream.hostname, port: upstream.port, method, path, headers: { ...headers, host: upstream.host } }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }))
      })
      outgoing.on('error', reject)
      outgoing.end(body)
    })

  const server: Server = createServer(async (incoming, outgoing) => {
    const body = await readBody(incoming)
    const path = incoming.url ?? '/'
    requests.push({ method: incoming.method ?? 'GET', path, headers: incoming.headers, body, at: performance.now() })
    const fault = faults.shift() ?? { kind: 'forward' }
    if (fault.kind === 'reset') {
      incoming.socket.destroy()
      return
    }
    if (fault.kind === 'status') {
      outgoing.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers })
      outgoing.end(fault.body ?? '')
      return
    }
    if (fault.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms))
    // The server may be gone by now (a delayed request outliving its test): drop the connection as a dead upstream would.
    const answer = await forward(incoming.method ?? 'GET', path, incoming.headers, body).catch(() => undefined)
    if (answer === undefined || fault.kind === 'forward-then-reset') {
      incoming.socket.destroy()
      return
    }
    outgoing.writeHead(answer.status, answer.headers)
    outgoing.end(answer.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...next) => {
      faults = [...next]
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
