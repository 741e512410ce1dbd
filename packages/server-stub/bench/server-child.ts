/**
 * The server under test, in a process of its own, as it is deployed: it does
 * not share an event loop, a heap or a garbage collector with the benchmark's
 * client. It runs the compiled server (see build-server.ts). Next to it runs a no-op HTTP server (the transport floor). The
 * parent drives both over IPC (see server-process.ts).
 */
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { pathToFileURL } from 'node:url'
import { startBareHttpServer } from './bare-http-server.js'
import type { ChildReply, ChildRequest } from './server-process.js'

const [configFile, entry] = process.argv.slice(2)
if (configFile === undefined || entry === undefined || process.send === undefined) {
  throw new Error('usage: fork server-child.ts <world.json> <compiled start-stub-server.js>')
}
const send = (message: ChildReply): void => {
  if (process.connected) process.send?.(message)
}

const { startStubServer } = (await import(pathToFileURL(entry).href)) as typeof import('../src/start-stub-server.js')
const server = await startStubServer({ configFile, port: 0, accessLog: () => {} })
const bare = await startBareHttpServer()
let profiler: Session | undefined

async function answer(request: ChildRequest): Promise<ChildReply> {
  switch (request.type) {
    case 'cpu': {
      const { user, system } = process.cpuUsage()
      return { id: request.id, type: 'cpu', cpuMicros: user + system }
    }
    case 'bare-reply':
      bare.setReply(request.text)
      return { id: request.id, type: 'done' }
    case 'profile-start':
      profiler = new Session()
      profiler.connect()
      await profiler.post('Profiler.enable')
      await profiler.post('Profiler.setSamplingInterval', { interval: request.intervalMicros })
      await profiler.post('Profiler.start')
      return { id: request.id, type: 'done' }
    case 'profile-stop': {
      if (profiler === undefined) throw new Error('no profile is running')
      const { profile } = await profiler.post('Profiler.stop')
      profiler.disconnect()
      profiler = undefined
      writeFileSync(request.file, JSON.stringify(profile))
      return { id: request.id, type: 'done' }
    }
    case 'close':
      await Promise.all([server.close(), bare.close()])
      return { id: request.id, type: 'done' }
  }
}

process.on('message', (request: ChildRequest) => {
  answer(request)
    .catch((error: unknown): ChildReply => ({ id: request.id, type: 'error', message: String(error) }))
    .then((reply) => {
      send(reply)
      // The last answer is out: let the process end.
      if (request.type === 'close') process.disconnect()
    })
})
send({ id: 0, type: 'ready', url: server.url, bareUrl: bare.url })
