import { IDEMPOTENCY_KEY_HEADER, REQUEST_ID_HEADER } from '@compiled-sql/protocol'
import { RequestError, ServerError, TransportError } from '../errors/request-error.js'
import { abortableSleep } from './abortable-sleep.js'
import type { Connection } from './connection.js'
import { errorFromReply } from './response-error.js'
import { backoffDelay } from './retry-policy.js'

/** One POST, as the client plans it. */
export interface RequestPlan {
  readonly path: string
  /** The JSON text to send, serialized once so every attempt sends the same bytes. */
  readonly body: string
  /** Whether a failed attempt may be sent again: reads, and writes with an idempotency key. */
  readonly retryable: boolean
  readonly idempotencyKey?: string | undefined
  readonly signal?: AbortSignal | undefined
  /** Ends an attempt that has not answered within this time, as a {@link TransportError}. */
  readonly timeoutMs?: number | undefined
}

/** A 2xx response whose body is a JSON object. */
export interface SuccessReply {
  readonly status: number
  readonly body: Record<string, unknown>
  readonly requestId: string | undefined
}

async function authorization(connection: Connection): Promise<string> {
  const token = typeof connection.token === 'function' ? await connection.token() : connection.token
  return `Bearer ${token}`
}

function attemptSignal(plan: RequestPlan): AbortSignal | undefined {
  if (plan.timeoutMs === undefined) return plan.signal
  const timeout = AbortSignal.timeout(plan.timeoutMs)
  return plan.signal === undefined ? timeout : AbortSignal.any([plan.signal, timeout])
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** One attempt: a reply, or the typed error it ends in. Throws the caller's abort reason untouched. */
async function attempt(connection: Connection, plan: RequestPlan): Promise<SuccessReply> {
  const headers: Record<string, string> = {
    ...connection.headers,
    accept: 'application/json',
    'content-type': 'application/json',
    authorization: await authorization(connection),
  }
  if (plan.idempotencyKey !== undefined) headers[IDEMPOTENCY_KEY_HEADER] = plan.idempotencyKey
  const url = connection.endpoint + plan.path
  let response: Response
  let text: string
  try {
    response = await connection.fetch(url, { method: 'POST', headers, body: plan.body, signal: attemptSignal(plan) ?? null })
    text = await response.text()
  } catch (cause) {
    if (plan.signal?.aborted === true) throw plan.signal.reason
    const reason = cause instanceof Error && cause.name === 'TimeoutError' ? `no answer within ${plan.timeoutMs} ms` : String((cause as Error)?.message ?? cause)
    throw new TransportError({ status: undefined, code: 'transport_error', message: `POST ${url} failed: ${reason}`, retryable: true, cause })
  }
  const body = parseBody(text)
  const requestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined
  if (!response.ok) throw errorFromReply({ status: response.status, headers: response.headers, body })
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ServerError({ status: response.status, code: 'invalid_response', message: `POST ${url} answered ${response.status} without a JSON object`, retryable: false, requestId, body })
  }
  return { status: response.status, body: body as Record<string, unknown>, requestId }
}

/** Whether the client retries this failure by itself (the policy also has to allow it). */
function isRetriedFailure(error: unknown): error is RequestError {
  return error instanceof TransportError || (error instanceof RequestError && (error.status === 429 || error.status === 503))
}

/**
 * Sends a planned POST, retrying a retryable plan on 429, 503 and transport
 * failures: the server's `Retry-After` when it sent one, otherwise backoff
 * with jitter. Every attempt sends the same bytes. An abort ends the call at
 * once with the signal's reason, during a request or a wait.
 *
 * @throws {RequestError} the typed error of the last attempt.
 */
export async function sendRequest(connection: Connection, plan: RequestPlan): Promise<SuccessReply> {
  const policy = connection.retry
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt(connection, plan)
    } catch (error) {
      if (!plan.retryable || retry >= policy.maxRetries || !isRetriedFailure(error)) throw error
      const retryAfterMs = error.retryAfterMs
      if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) throw error
      const delayMs = backoffDelay(policy, retry, retryAfterMs)
      connection.onRetry?.({ retry: retry + 1, delayMs, error })
      await abortableSleep(delayMs, plan.signal)
    }
  }
}
