import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RecordingServer } from '../src/index.js'

interface Answer {
  readonly status?: number | undefined
  readonly headers?: Record<string, string | string[] | undefined>
  readonly body?: string
  readonly error?: string
}

/** One POST over a fresh connection, as plain node:http sends it. */
function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve) => {
    const outgoing = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    outgoing.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }))
    outgoing.end(body)
  })
}

let server: RecordingServer

beforeAll(async () => {
  server = await RecordingServer.start()
})

afterAll(async () => {
  await server.close()
})

describe('the recording server', () => {
  it('plays a case\'s script in arrival order, repeating a step `times` times, and records every request', async () => {
    const recording = server.open([
      { status: 429, headers: { 'retry-after': '1' }, json: { ok: false }, times: 2 },
      { status: 200, body_text: '<html>', headers: { 'content-type': 'text/html' } },
    ])
    const first = await post(`${recording.endpoint}/orm/api/x/`, '{"a":1}', { authorization: 'Bearer t' })
    const second = await post(`${recording.endpoint}/orm/api/x/`, '{"a":2}')
    const third = await post(`${recording.endpoint}/api/v1/y/`, '"SELECT 1"')
    expect([first.status, first.headers?.['retry-after'], first.body]).toEqual([429, '1', '{"ok":false}'])
    expect([second.status, third.status, third.headers?.['content-type'], third.body]).toEqual([429, 200, 'text/html', '<html>'])
    expect(recording.requests.map((r) => [r.method, r.path, r.body, r.answer])).toEqual([
      ['POST', '/orm/api/x/', '{"a":1}', 429],
      ['POST', '/orm/api/x/', '{"a":2}', 429],
      ['POST', '/api/v1/y/', '"SELECT 1"', 200],
    ])
    expect(recording.requests[0]?.headers.authorization).toBe('Bearer t')
    const times = recording.requests.map((r) => r.arrived_ms)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    recording.close()
  })

  it('drops the connection for a reset step, so the client sees no status', async () => {
    const recording = server.open([{ reset: true }])
    const answer = await post(`${recording.endpoint}/p/`, '{}')
    expect(answer.status).toBeUndefined()
    expect(answer.error).toMatch(/ECONNRESET|socket hang up/)
    expect(recording.requests.map((r) => r.answer)).toEqual(['reset'])
    recording.close()
  })

  it('attributes requests to their case by prefix, answers 500 beyond the script and 404 for a closed or unknown case', async () => {
    const a = server.open([{ status: 200, json: { case: 'a' } }])
    const b = server.open([{ status: 201, json: { case: 'b' } }])
    expect((await post(`${b.endpoint}/q/`, '{}')).body).toBe('{"case":"b"}')
    expect((await post(`${a.endpoint}/q/`, '{}')).body).toBe('{"case":"a"}')
    const beyond = await post(`${a.endpoint}/q/`, '{}')
    expect(beyond.status).toBe(500)
    expect(a.requests.map((r) => r.answer)).toEqual([200, 'unscripted'])
    expect(b.requests).toHaveLength(1)
    a.close()
    expect((await post(`${a.endpoint}/q/`, '{}')).status).toBe(404)
    expect((await post(`${server.url}/elsewhere/`, '{}')).status).toBe(404)
    expect(a.requests).toHaveLength(2)
    b.close()
  })
})
