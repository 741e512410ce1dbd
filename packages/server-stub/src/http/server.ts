import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { IDEMPOTENCY_KEY_HEADER } from '@compiled-sql/protocol'
import { ProtocolError } from '../pipeline/protocol-error.js'
import type { Registry } from '../world/registry.js'
import type { PrincipalConfig } from '../world/world-schema.js'
import type { AccessLogger } from './access-log.js'
import { authenticate } from './authenticate.js'
import { parseJsonBody, type JsonBody } from './json-body.js'
import { buildOpenApi } from './openapi.js'
import { RateLimiter } from './rate-limiter.js'
import { readJsonBody } from './read-body.js'
import { requestPath } from './request-path.js'
import { errorBody, sendJson } from './respond.js'

/** What the HTTP layer asks of the request pipeline, once a caller is known and a body is read. */
export interface OperationHandlers {
  executeOperation(principal: PrincipalConfig, body: JsonBody, idempotencyKey: string | undefined): Promise<HandledRequest>
  runQuery(principal: PrincipalConfig, metaTableUid: string, body: JsonBody): Promise<HandledRequest>
}

/** A successful response body, and what the access log records of it. */
export interface HandledRequest {
  readonly body: Record<string, unknown>
  readonly log?: { readonly operation?: string; readonly meta_table_uids?: readonly string[] }
}

/** The options of {@link createStubServer}. */
export interface StubServerOptions {
  readonly registry: Registry
  readonly handlers: OperationHandlers
  readonly accessLog: AccessLogger
  readonly rateLimiter?: RateLimiter
}

const EXECUTE_PATHS = new Set(['/orm/api/ts_manager/meta_table/execute-operation/', '/api/v1/meta-tables/execute-operation/'])
const RUN_QUERY_PATHS = [/^\/orm\/api\/ts_manager\/meta_table\/([^/]+)\/run_query\/$/, /^\/api\/v1\/meta-tables\/([^/]+)\/run-query\/$/]

type Route =
  | { readonly kind: 'execute' }
  | { readonly kind: 'run_query'; readonly metaTableUid: string }
  | { readonly kind: 'openapi' }
  | { readonly kind: 'healthz' }

function routeOf(path: string): Route | undefined {
  if (EXECUTE_PATHS.has(path)) return { kind: 'execute' }
  for (const pattern of RUN_QUERY_PATHS) {
    const match = pattern.exec(path)
    if (match !== null) return { kind: 'run_query', metaTableUid: decodeURIComponent(match[1]!) }
  }
  if (path === '/openapi.json') return { kind: 'openapi' }
  if (path === '/healthz') return { kind: 'healthz' }
  return undefined
}

// The same for every request and every server: built on first use, not per request.
let openApiDocument: Record<string, unknown> | undefined

function methodOf(route: Route): 'GET' | 'POST' {
  return route.kind === 'openapi' || route.kind === 'healthz' ? 'GET' : 'POST'
}

/**
 * The HTTP front of the server-stub: routing, authentication, rate limiting,
 * body reading, request ids, error bodies and the access log. What a request
 * does is the pipeline's business, behind {@link OperationHandlers}.
 */
export function createStubServer(options: StubServerOptions): Server {
  const rateLimiter = options.rateLimiter ?? new RateLimiter()
  return createServer((request, response) => {
    void handle(options, rateLimiter, request, response)
  })
}

async function handle(options: StubServerOptions, rateLimiter: RateLimiter, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const started = performance.now()
  const requestId = randomUUID()
  const path = requestPath(request.url)
  let principal: PrincipalConfig | undefined
  let status = 200
  let code: string | undefined
  let log: HandledRequest['log']
  try {
    const route = routeOf(path)
    if (route === undefined) throw new ProtocolError('route_not_found', `no endpoint at ${path}`)
    if (request.method !== methodOf(route)) {
      throw new ProtocolError('method_not_allowed', `${path} accepts ${methodOf(route)}, not ${request.method ?? '?'}`)
    }
    if (route.kind === 'healthz') return sendJson(response, 200, { ok: true }, requestId)
    if (route.kind === 'openapi') return sendJson(response, 200, (openApiDocument ??= buildOpenApi()), requestId)
    principal = authenticate(request.headers, options.registry)
    if (principal.rate_limit_per_minute !== undefined) rateLimiter.take(principal.id, principal.rate_limit_per_minute)
    const body = parseJsonBody(await readJsonBody(request, options.registry.limits.max_body_bytes))
    const handled =
      route.kind === 'execute'
        ? await options.handlers.executeOperation(principal, body, idempotencyKeyOf(request))
        : await options.handlers.runQuery(principal, route.metaTableUid, body)
    log = handled.log
    sendJson(response, 200, { ...handled.body, request_id: requestId }, requestId)
  } catch (caught) {
    const error = caught instanceof ProtocolError ? caught : internalError(caught, requestId)
    const reply = errorBody(error, requestId)
    status = reply.status
    code = error.code
    // Unread bodies would otherwise hold the connection's socket.
    request.resume()
    sendJson(response, reply.status, reply.body, requestId, reply.headers)
  } finally {
    options.accessLog({
      time: new Date().toISOString(),
      request_id: requestId,
      method: request.method ?? '?',
      path,
      status: code === undefined ? 200 : status,
      duration_ms: Math.round((performance.now() - started) * 1000) / 1000,
      ...(principal !== undefined && { principal: principal.id }),
      ...(code !== undefined && { code }),
      ...log,
    })
  }
}

/**
 * The request's `Idempotency-Key`: 1 to 255 visible ASCII characters.
 *
 * @throws {ProtocolError} `invalid_format` for an empty, overlong or non-ASCII key.
 */
function idempotencyKeyOf(request: IncomingMessage): string | undefined {
  const key = request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()]
  if (key === undefined) return undefined
  if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new ProtocolError('invalid_format', `${IDEMPOTENCY_KEY_HEADER} must be 1 to 255 visible ASCII characters`)
  }
  return key
}

function internalError(caught: unknown, requestId: string): ProtocolError {
  // The cause goes to standard error with the request id; the caller learns only that it failed.
  process.stderr.write(`${JSON.stringify({ request_id: requestId, internal_error: caught instanceof Error ? caught.stack : String(caught) })}\n`)
  return new ProtocolError('internal_error', `the server failed; quote request id ${requestId}`)
}
