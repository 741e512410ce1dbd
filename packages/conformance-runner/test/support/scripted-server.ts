import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request the scripted server received, as it arrived. */
export interface ReceivedRequest {
  readonly method: string
  readonly path: string
  readonly headers: IncomingMessage['headers']
  readonly body: Buffer
}

/** An answer the script gives: status, headers and a body (serialized when not a string). */
export interface ScriptedAnswer {
  readonly status: number
  readonly headers?: Record<string, string>
  readonly body?: unknown
}

/** A loopback HTTP server that answers with a script and records what it received: it tests the runner, not a database. */
export interface ScriptedServer {
  readonly url: string
  readonly received: ReceivedRequest[]
  close(): Promise<void>
}

/** Starts a server that answers each request with `script(request, index)`. */
export async function scriptedServer(script: (request: ReceivedRequest, index: number) => ScriptedAnswer): Promise<ScriptedServer> {
  const received: ReceivedRequest[] = []
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const entry = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) }
      received.push(entry)
      const answer = script(entry, received.length - 1)
      const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
      response.end(text)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A valid select page of compiled-sql.v1, with the request id repeated. */
export function selectPage(rows: unknown[], requestId = 'req-1', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ok: true,
    operation: 'select',
    dialect: 'postgresql',
    row_count: rows.length,
    rows,
    truncated: false,
    max_rows: 1000,
    pagination: { limit: 10, offset: 0, returned_count: rows.length, has_more: false, next_offset: null },
    scope: { meta_table_uids: ['7ab1e000-0000-4000-8000-000000000002'], data_source_uid: 'da7a0000-0000-4000-8000-000000000001' },
    request_id: requestId,
    ...extra,
  }
}
