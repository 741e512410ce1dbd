import type { AddressInfo } from 'node:net'
import { stderrAccessLogger, type AccessLogger } from './http/access-log.js'
import { createStubServer } from './http/server.js'
import { executeOperation } from './pipeline/execute-operation.js'
import { runQuery } from './pipeline/run-query.js'
import { startRuntime } from './stub-runtime.js'
import { loadWorld } from './world/load-world.js'

/** The options of {@link startStubServer}. */
export interface StartStubServerOptions {
  /** The world file to serve. */
  readonly configFile: string
  /** The port to listen on; `0` picks a free one. */
  readonly port?: number
  /** The address to listen on. Defaults to loopback. */
  readonly host?: string
  /** Where access-log lines go. Defaults to JSON lines on standard error. */
  readonly accessLog?: AccessLogger
}

/** A running server-stub. */
export interface RunningStubServer {
  /** The base URL, such as `http://127.0.0.1:8787`. */
  readonly url: string
  /** Stops accepting requests, then closes every data source. */
  close(): Promise<void>
}

/**
 * Loads a world, brings its data sources up and serves compiled-sql.v1 over
 * HTTP.
 *
 * @example
 * ```ts
 * const server = await startStubServer({ configFile: 'worlds/demo/world.json', port: 0 })
 * const response = await fetch(`${server.url}/healthz`)
 * await server.close()
 * ```
 */
export async function startStubServer(options: StartStubServerOptions): Promise<RunningStubServer> {
  const world = loadWorld(options.configFile)
  const runtime = await startRuntime(world)
  const server = createStubServer({
    registry: runtime.registry,
    accessLog: options.accessLog ?? stderrAccessLogger,
    handlers: {
      executeOperation: (principal, body, key) => executeOperation(runtime, principal, body, key),
      runQuery: (principal, uid, body) => runQuery(runtime, principal, uid, body),
    },
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await runtime.close()
    },
  }
}
