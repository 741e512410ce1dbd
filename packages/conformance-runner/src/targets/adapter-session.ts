import {
  validateAdapterResponse,
  type AdapterBuild,
  type AdapterExecute,
  type AdapterFailure,
  type AdapterOutcome,
  type AdapterRequest,
  type AdapterResponse,
  type AdapterRunQuery,
  type AdapterSkip,
  type AdapterValidate,
  type Implementation,
} from '@compiled-sql/protocol'
import { ADAPTER_PROTOCOL, helloRequest, SHUTDOWN_REQUEST, type SuiteName } from '../adapter-messages.js'
import type { AdapterError } from '../errors.js'
import { JsonLinesProcess } from './json-lines-process.js'
import type { EnvelopeTarget } from './target.js'

/** How long an adapter may take to answer one message, unless told otherwise. */
export const DEFAULT_ADAPTER_TIMEOUT_MS = 10_000

/** Options for {@link startAdapter}. */
export interface AdapterOptions {
  /** The shell command that starts the adapter. */
  readonly command: string
  /** The suite announced in `hello`. */
  readonly suite: SuiteName
  /** How long one answer may take (default {@link DEFAULT_ADAPTER_TIMEOUT_MS}). */
  readonly timeoutMs?: number | undefined
  /** The adapter's working directory (default: this process's). */
  readonly cwd?: string | undefined
  /** Where the adapter's standard error goes (default `process.stderr`; `null` keeps only a tail for error messages). */
  readonly stderr?: NodeJS.WritableStream | null | undefined
}

/**
 * A running adapter after a successful handshake. Every answer is checked
 * against `adapter-response.schema.json`, its `type` against the request and
 * its `id` against the request's; any breach ends the run, since the results
 * of an adapter that breaks the protocol cannot be trusted.
 */
export class AdapterSession implements EnvelopeTarget {
  readonly implementation: Implementation
  readonly #process: JsonLinesProcess
  readonly #timeoutMs: number
  #closed = false

  private constructor(process: JsonLinesProcess, implementation: Implementation, timeoutMs: number) {
    this.#process = process
    this.implementation = implementation
    this.#timeoutMs = timeoutMs
  }

  /** Starts the adapter and performs the handshake. @throws {AdapterError} */
  static async start(options: AdapterOptions): Promise<AdapterSession> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_ADAPTER_TIMEOUT_MS
    const child = JsonLinesProcess.spawn(options.command, { cwd: options.cwd, stderr: options.stderr })
    try {
      const hello = helloRequest(options.suite)
      child.send(hello)
      const reply = await receive(child, hello, timeoutMs)
      if (reply.type !== 'hello') throw protocolError(child, `answered hello with ${reply.type}`, reply)
      return new AdapterSession(child, reply.implementation, timeoutMs)
    } catch (error) {
      child.kill()
      throw error
    }
  }

  /** Sends one request and returns its checked answer. On any breach the adapter is killed. @throws {AdapterError} */
  async validate(request: AdapterValidate): Promise<AdapterResponse> {
    return this.#exchange(request, 'result')
  }

  /**
   * Sends one client-suite request (`build`, `execute`, `run_query`) and
   * returns its checked answer: an `outcome` (with `result` when `ok`, with
   * `error` when not), a `skip` or an `error`. @throws {AdapterError}
   */
  async call(request: AdapterBuild | AdapterExecute | AdapterRunQuery): Promise<AdapterOutcome | AdapterSkip | AdapterFailure> {
    const response = await this.#exchange(request, 'outcome')
    if (response.type === 'outcome' && (response.ok ? !('result' in response) : response.error === undefined)) {
      this.#process.kill()
      this.#closed = true
      throw protocolError(this.#process, `answered ${request.type} ${request.id} with an outcome ${response.ok ? 'without result' : 'without error'}`, response)
    }
    return response as AdapterOutcome | AdapterSkip | AdapterFailure
  }

  /** One request, one answer of the type it calls for (or `skip`/`error`) with its id. On any breach the adapter is killed. */
  async #exchange(request: AdapterValidate | AdapterBuild | AdapterExecute | AdapterRunQuery, answerType: 'result' | 'outcome'): Promise<AdapterResponse> {
    try {
      this.#process.send(request)
      const response = await receive(this.#process, request, this.#timeoutMs)
      if (response.type === 'hello' || (response.type !== answerType && response.type !== 'skip' && response.type !== 'error')) {
        throw protocolError(this.#process, `answered ${request.type} ${request.id} with ${response.type}`, response)
      }
      if (response.id !== request.id) {
        throw protocolError(this.#process, `answered ${request.type} ${request.id} with the id ${response.id}`, response)
      }
      return response
    } catch (error) {
      this.#process.kill()
      this.#closed = true
      throw error
    }
  }

  /** Sends `shutdown` and waits for a clean exit. @throws {AdapterError} when the adapter exits with a non-zero status or must be killed. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#process.send(SHUTDOWN_REQUEST)
    const status = await this.#process.close(this.#timeoutMs)
    if (status === null) throw this.#process.failure(`the adapter did not exit within ${this.#timeoutMs} ms of shutdown`)
    if (status !== 0) throw this.#process.failure(`the adapter exited with status ${status} after shutdown`)
  }
}

/** Starts an adapter and performs the handshake. @throws {AdapterError} */
export function startAdapter(options: AdapterOptions): Promise<AdapterSession> {
  return AdapterSession.start(options)
}

/** Reads one line and checks that it is a valid adapter response. */
async function receive(child: JsonLinesProcess, request: AdapterRequest, timeoutMs: number): Promise<AdapterResponse> {
  const waitingFor = 'id' in request ? `${request.type} ${request.id}` : `the ${request.type} reply`
  const line = await child.nextLine(timeoutMs, waitingFor)
  let message: unknown
  try {
    message = JSON.parse(line)
  } catch {
    throw protocolError(child, `wrote a line that is not JSON (answering ${waitingFor})`, line)
  }
  if (isRecord(message) && message.type === 'hello' && message.protocol !== ADAPTER_PROTOCOL) {
    throw protocolError(child, `speaks adapter protocol ${JSON.stringify(message.protocol)}; the runner speaks ${ADAPTER_PROTOCOL}`, message)
  }
  const result = validateAdapterResponse(message)
  if (!result.ok) {
    const issues = result.errors.map((issue) => `${issue.code} at ${issue.instancePath || '(root)'}`).join(', ')
    throw protocolError(child, `wrote an invalid response (answering ${waitingFor}): ${issues}`, message)
  }
  return result.value
}

function protocolError(child: JsonLinesProcess, what: string, received: unknown): AdapterError {
  const shown = typeof received === 'string' ? received : JSON.stringify(received)
  return child.failure(`the adapter ${what}\nreceived: ${shown.length > 2000 ? `${shown.slice(0, 2000)}…` : shown}`)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
