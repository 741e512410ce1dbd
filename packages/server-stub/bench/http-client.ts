import { Agent, request } from 'node:http'

/** An HTTP/1.1 client for one origin over keep-alive loopback connections. */
export interface HttpClient {
  /** POSTs a JSON body and resolves with the status and the response text. */
  post(path: string, body: string): Promise<{ status: number; text: string }>
  /** Closes the idle keep-alive sockets. */
  close(): void
}

/**
 * A keep-alive client on `node:http`: up to `maxSockets` connections are
 * opened once and reused, as a long-lived SDK client would, so the figures
 * measure requests, not TCP handshakes.
 */
export function createHttpClient(baseUrl: string, token: string, maxSockets: number): HttpClient {
  const url = new URL(baseUrl)
  const agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo' })
  const authorization = `Bearer ${token}`
  return {
    post(path, body) {
      return new Promise((resolve, reject) => {
        const outgoing = request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            path,
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization },
          },
          (response) => {
            const chunks: Buffer[] = []
            response.on('data', (chunk: Buffer) => chunks.push(chunk))
            response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
            response.on('error', reject)
          },
        )
        outgoing.on('error', reject)
        outgoing.end(body)
      })
    },
    close: () => agent.destroy(),
  }
}
