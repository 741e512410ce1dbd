import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** What the benchmark asks of the server process. */
export type ChildRequest =
  | { readonly id: number; readonly type: 'cpu' }
  | { readonly id: number; readonly type: 'bare-reply'; readonly text: string }
  | { readonly id: number; readonly type: 'profile-start'; readonly intervalMicros: number }
  | { readonly id: number; readonly type: 'profile-stop'; readonly file: string }
  | { readonly id: number; readonly type: 'close' }

/** What the server process answers. */
export type ChildReply =
  | { readonly id: number; readonly type: 'ready'; readonly url: string; readonly bareUrl: string }
  | { readonly id: number; readonly type: 'cpu'; readonly cpuMicros: number }
  | { readonly id: number; readonly type: 'done' }
  | { readonly id: number; readonly type: 'error'; readonly message: string }

type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never

/** A server-stub running in a child process, with a no-op HTTP server beside it. */
export interface ServerProcess {
  readonly url: string
  /** The no-op HTTP server (see bare-http-server.ts). */
  readonly bareUrl: string
  /** Sets the canned answer of the no-op server. */
  setBareReply(text: string): Promise<void>
  readonly pid: number
  /** The CPU time (user + system) the server process has used so far, in µs. */
  cpuMicros(): Promise<number>
  /** Starts V8's sampling profiler in the server process. */
  startProfile(intervalMicros: number): Promise<void>
  /** Stops it and writes the `.cpuprofile` to `file`. */
  stopProfile(file: string): Promise<void>
  /** Closes the server and waits for the process to exit; kills it if it does not within 10 s. */
  close(): Promise<void>
}

/**
 * Forks server-child.ts with the parent's exec arguments (tsx's loader comes
 * along), has it serve `configFile` with the compiled server at `entry`, and
 * waits until it listens.
 */
export async function startServerProcess(configFile: string, entry: string): Promise<ServerProcess> {
  const child = fork(fileURLToPath(new URL('./server-child.ts', import.meta.url)), [configFile, entry], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const pending = new Map<number, (reply: ChildReply) => void>()
  let nextId = 1
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const ready = new Promise<{ url: string; bareUrl: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server process exited with ${code} before it listened`)))
    pending.set(0, (reply) => (reply.type === 'ready' ? resolve(reply) : reject(new Error(JSON.stringify(reply)))))
  })
  child.on('message', (reply: ChildReply) => {
    const settle = pending.get(reply.id)
    pending.delete(reply.id)
    settle?.(reply)
  })
  const ask = (request: Distribute<ChildRequest>): Promise<ChildReply> =>
    new Promise((resolve, reject) => {
      const id = nextId++
      pending.set(id, (reply) => (reply.type === 'error' ? reject(new Error(reply.message)) : resolve(reply)))
      child.send({ ...request, id })
    })
  const { url, bareUrl } = await ready
  return {
    url,
    bareUrl,
    pid: child.pid ?? -1,
    setBareReply: (text) => ask({ type: 'bare-reply', text }).then(() => undefined),
    async cpuMicros() {
      const reply = await ask({ type: 'cpu' })
      if (reply.type !== 'cpu') throw new Error(`unexpected reply ${reply.type}`)
      return reply.cpuMicros
    },
    startProfile: (intervalMicros) => ask({ type: 'profile-start', intervalMicros }).then(() => undefined),
    stopProfile: (file) => ask({ type: 'profile-stop', file }).then(() => undefined),
    async close() {
      if (child.exitCode !== null) return
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await Promise.race([ask({ type: 'close' }).catch(() => undefined), exited])
      await exited
      clearTimeout(killer)
    },
  }
}
