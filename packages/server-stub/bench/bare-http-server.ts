import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A listening no-op HTTP server and the setter of its canned answer. */
export interface BareHttpServer {
  readonly url: string
  /** The body every POST is answered with from now on. */
  setReply(text: string): void
  close(): Promise<void>
}

/**
 * The floor of any HTTP service on this machine: `node:http` reading a
 * request body and answering a canned JSON text, with no routing, no checks
 * and no database. The benchmark sends it the same envelopes the server
 * receives, and it answers with a captured real response, so the bytes on
 * the wire are the same and only the work is missing.
 */
export async function startBareHttpServer(): Promise<BareHttpServer> {
  let reply = '{"ok":true}'
  const server: Server = createServer((request, response) => {
    request.on('data', () => {})
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(reply) })
      response.end(reply)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    setReply: (text) => void (reply = text),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
