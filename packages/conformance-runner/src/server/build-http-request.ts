import type { ServerCaller, ServerRequest } from '@compiled-sql/protocol'
import { stringifyExact } from './exact-json.js'
import type { HttpRequest } from './http-exchange.js'
import type { ServerWorld } from './server-world.js'

/** What a request is built from besides its own fields. */
export interface RequestContext {
  readonly world: ServerWorld
  /** Replaces `{run_id}` in header values: unique to the run. */
  readonly runId: string
}

function bodyOf(request: ServerRequest): Buffer | undefined {
  let body: Buffer | undefined
  if ('json' in request) body = Buffer.from(stringifyExact(request.json), 'utf8')
  else if (request.body_text !== undefined) body = Buffer.from(request.body_text, 'utf8')
  else if (request.body_base64 !== undefined) body = Buffer.from(request.body_base64, 'base64')
  if (body === undefined || request.pad_bytes === undefined) return body
  return Buffer.concat([body, Buffer.alloc(request.pad_bytes, 0x20)])
}

function authorization(caller: ServerCaller, world: ServerWorld): string | undefined {
  if (caller === null) return undefined
  const token = typeof caller === 'string' ? world.tokens.get(caller) : caller.token
  return token === undefined ? undefined : `Bearer ${token}`
}

/**
 * The HTTP request a case step sends: its body bytes, `Content-Type:
 * application/json` when it has a body, `Authorization` from the caller, then
 * the step's own headers (a `null` value removes a header).
 */
export function buildHttpRequest(request: ServerRequest, caller: ServerCaller, context: RequestContext): HttpRequest {
  const body = bodyOf(request)
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['content-type'] = 'application/json'
  const auth = authorization(caller, context.world)
  if (auth !== undefined) headers.authorization = auth
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value === null) delete headers[name]
    else headers[name] = value.replaceAll('{run_id}', context.runId)
  }
  return { method: request.method ?? 'POST', path: request.path, headers, ...(body !== undefined && { body }) }
}

/** A request as a report keeps it: the body as text when it is UTF-8, else as base64. */
export function describeRequest(request: HttpRequest): Record<string, unknown> {
  const body = request.body
  if (body === undefined) return { method: request.method, path: request.path, headers: request.headers }
  const text = body.toString('utf8')
  const exact = Buffer.from(text, 'utf8').equals(body)
  return { method: request.method, path: request.path, headers: request.headers, ...(exact ? { body: text } : { body_base64: body.toString('base64') }) }
}
