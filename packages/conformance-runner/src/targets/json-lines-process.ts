import { spawn, type ChildProcess } from 'node:child_process'
import { StringDecoder } from 'node:string_decoder'
import { AdapterError } from '../errors.js'

/** How much of the adapter's standard error to keep for error messages. */
const STDERR_TAIL_CHARS = 8 * 1024

/** Options for {@link JsonLinesProcess.spawn}. */
export interface JsonLinesProcessOptions {
  /** The working directory of the command (default: this process's). */
  readonly cwd?: string | undefined
  /** Where the adapter's standard error goes as it arrives, besides the kept tail (`null`: nowhere). */
  readonly stderr?: NodeJS.WritableStream | null | undefined
}

interface Waiter {
  resolve(line: string): void
  reject(error: Error): void
}

/**
 * A child process spoken to in JSON Lines: one message per line on its
 * standard input, one per line on its standard output. It knows lines and
 * liveness only; what the lines mean is the adapter session's business.
 */
export class JsonLinesProcess {
  readonly #child: ChildProcess
  readonly #lines: string[] = []
  readonly #waiters: Waiter[] = []
  readonly #exited: Promise<void>
  #ended: string | undefined
  #stdoutRest = ''
  #stderrTail = ''
  #exitCode: number | null = null
  readonly #stderrForwarded: boolean

  private constructor(child: ChildProcess, stderr: NodeJS.WritableStream | null) {
    this.#child = child
    this.#stderrForwarded = stderr !== null
    const stdout = new StringDecoder('utf8')
    child.stdout?.on('data', (chunk: Buffer) => this.#receive(stdout.write(chunk)))
    const stderrDecoder = new StringDecoder('utf8')
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = stderrDecoder.write(chunk)
      stderr?.write(text)
      this.#stderrTail = (this.#stderrTail + text).slice(-STDERR_TAIL_CHARS)
    })
    // A write to an adapter that already exited fails with EPIPE; the exit is what we report.
    child.stdin?.on('error', () => {})
    this.#exited = new Promise((resolve) => {
      child.on('error', (error) => {
        this.#end(`the adapter could not be started: ${error.message}`)
        resolve()
      })
      child.on('close', (code, signal) => {
        this.#exitCode = code
        this.#end(`the adapter exited (${signal === null ? `status ${code}` : `signal ${signal}`})`)
        resolve()
      })
    })
  }

  /**
   * Starts `command` through the shell, in its own process group so that
   * {@link kill} reaches whatever the shell started.
   */
  static spawn(command: string, options: JsonLinesProcessOptions = {}): JsonLinesProcess {
    const child = spawn(command, {
      shell: true,
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    })
    return new JsonLinesProcess(child, options.stderr === undefined ? process.stderr : options.stderr)
  }

  /** The last few kilobytes the process wrote to standard error. */
  get stderrTail(): string {
    return this.#stderrTail
  }

  /** Writes one message as a line. */
  send(message: unknown): void {
    if (this.#ended === undefined) this.#child.stdin?.write(`${JSON.stringify(message)}\n`)
  }

  /**
   * The next line of standard output, without its line ending.
   *
   * @throws {AdapterError} when the process ends first, or after `timeoutMs`.
   */
  nextLine(timeoutMs: number, waitingFor: string): Promise<string> {
    const line = this.#lines.shift()
    if (line !== undefined) return Promise.resolve(line)
    if (this.#ended !== undefined) return Promise.reject(this.failure(`${this.#ended} while the runner waited for ${waitingFor}`))
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1)
        reject(this.failure(`the adapter did not answer ${waitingFor} within ${timeoutMs} ms`))
      }, timeoutMs)
      const waiter: Waiter = {
        resolve: (value) => (clearTimeout(timer), resolve(value)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      }
      this.#waiters.push(waiter)
    })
  }

  /**
   * Closes standard input and waits up to `timeoutMs` for the process to exit,
   * then kills it. Resolves to its exit status (`null` when it was killed).
   */
  async close(timeoutMs: number): Promise<number | null> {
    this.#child.stdin?.end()
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)))
    const outcome = await Promise.race([this.#exited, timedOut])
    clearTimeout(timer)
    if (outcome === 'timeout') {
      this.kill()
      await this.#exited
      return null
    }
    return this.#exitCode
  }

  /** Kills the process and everything it started. */
  kill(): void {
    if (this.#ended !== undefined || this.#child.pid === undefined) return
    try {
      if (process.platform === 'win32') this.#child.kill('SIGKILL')
      else process.kill(-this.#child.pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }

  #receive(text: string): void {
    const parts = (this.#stdoutRest + text).split('\n')
    this.#stdoutRest = parts.pop() ?? ''
    for (const part of parts) {
      const line = part.endsWith('\r') ? part.slice(0, -1) : part
      const waiter = this.#waiters.shift()
      if (waiter === undefined) this.#lines.push(line)
      else waiter.resolve(line)
    }
  }

  #end(reason: string): void {
    if (this.#ended !== undefined) return
    this.#ended = reason
    for (const waiter of this.#waiters.splice(0)) waiter.reject(this.failure(`${reason} while the runner waited for an answer`))
  }

  /** An {@link AdapterError} about this process, quoting its standard error when that was not passed through. */
  failure(message: string): AdapterError {
    // Forwarded standard error is already on screen; otherwise the message carries its tail.
    return new AdapterError(message, this.#stderrTail.trimEnd(), { showStderr: !this.#stderrForwarded })
  }
}
