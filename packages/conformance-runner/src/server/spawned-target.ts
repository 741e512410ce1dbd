import { spawn, type ChildProcess } from 'node:child_process'
import { connect } from 'node:net'
import { createInterface } from 'node:readline'
import type { ServerCorpus } from './load-server-corpus.js'
import { OutputTail } from './output-tail.js'
import { expandCommand, placeholderEnv, placeholdersFor } from './placeholders.js'
import { TargetError } from './target-error.js'

/** A server the runner sends cases to. */
export interface Target {
  /** The base URL, such as `http://127.0.0.1:8787`. */
  readonly url: string
  /** Stops the server when the runner started it; resolves once it is gone. */
  close(): Promise<void>
}

/** How to start a server. */
export interface SpawnOptions {
  /** A shell command with `{world}`, `{seed}`, `{corpus}`, `{port}` placeholders. */
  readonly command: string
  readonly corpus: ServerCorpus
  /** How long the server may take to listen. */
  readonly startTimeoutMs: number
  /** Where the server's standard error goes (always kept as a tail for error messages too). */
  readonly log?: NodeJS.WritableStream | null | undefined
}

const running = new Set<ChildProcess>()

/**
 * Tracks a started server. The first one installs hooks that kill every
 * server if the runner exits or is interrupted first: servers run in process
 * groups of their own, which a Ctrl-C in the terminal does not reach.
 */
function track(child: ChildProcess): void {
  if (!process.listeners('exit').includes(killAll)) {
    process.once('exit', killAll)
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => interrupted(signal))
  }
  running.add(child)
}

function killAll(): void {
  for (const child of running) if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL')
}

function interrupted(signal: NodeJS.Signals): void {
  killAll()
  process.exit(128 + (signal === 'SIGINT' ? 2 : 15))
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // Already gone.
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}

/** The URL of a `{"listening": "<url>"}` line, if the line is one. */
function listeningUrl(line: string): string | undefined {
  try {
    const value = JSON.parse(line) as { listening?: unknown }
    return typeof value.listening === 'string' ? value.listening.replace(/\/+$/, '') : undefined
  } catch {
    return undefined
  }
}

/**
 * Starts a server with `/bin/sh -c <command>` in its own process group and
 * waits until it is ready: it prints `{"listening": "<url>"}` on standard
 * output (as `compiled-sql-server` does), or the port given as `{port}` (or
 * `COMPILED_SQL_PORT`) accepts connections.
 *
 * @throws {TargetError} when it exits first or is not ready within the start timeout.
 */
export async function spawnTarget(options: SpawnOptions): Promise<Target> {
  const values = await placeholdersFor(options.corpus)
  const child = spawn('/bin/sh', ['-c', expandCommand(options.command, values)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...placeholderEnv(values) },
  })
  track(child)
  const tail = new OutputTail()
  child.stderr?.on('data', (chunk: Buffer) => {
    tail.push(chunk.toString('utf8'))
    options.log?.write(chunk)
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => (running.delete(child), resolve())))
  const close = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
    killGroup(child.pid, 'SIGTERM')
    const timer = setTimeout(() => killGroup(child.pid!, 'SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }
  try {
    const url = await ready(child, values.port, options.startTimeoutMs, exited)
    return { url, close }
  } catch (error) {
    await close()
    throw new TargetError(`${(error as Error).message} (command: ${options.command})`, tail.text())
  }
}

function ready(child: ChildProcess, port: number, timeoutMs: number, exited: Promise<void>): Promise<string> {
  return new Promise((resolve, reject) => {
    let settled = false
    const settle = (action: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      clearInterval(probe)
      action()
    }
    const timer = setTimeout(() => settle(() => reject(new Error(`the server was not ready within ${timeoutMs} ms`))), timeoutMs)
    const probe = setInterval(() => void portAnswers(port).then((up) => up && settle(() => resolve(`http://127.0.0.1:${port}`))), 200)
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const url = listeningUrl(line)
      if (url !== undefined) settle(() => resolve(url))
    })
    void exited.then(() => settle(() => reject(new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was ready`))))
  })
}
