import { readFileSync } from 'node:fs'
import type { AdapterResponse, Implementation } from '@compiled-sql/protocol'
import { handleClientRequest } from './handle-request.js'

const PROTOCOL = 'compiled-sql.adapter.v1'

/** The client package, as the report names it. */
function implementation(): Implementation {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string }
  return { name: manifest.name, version: manifest.version, language: 'typescript' }
}

function idOf(request: unknown): string {
  const id = typeof request === 'object' && request !== null ? (request as { id?: unknown }).id : undefined
  return typeof id === 'string' && id !== '' ? id : 'unknown'
}

/**
 * The response to one line of input, or `shutdown` when the runner is done.
 * Never throws: a request the adapter cannot handle gets an `error` answer,
 * and a suite it does not serve gets `skip`.
 */
export async function answer(line: string): Promise<AdapterResponse | 'shutdown'> {
  let request: unknown
  try {
    request = JSON.parse(line)
  } catch (error) {
    return { type: 'error', id: 'unknown', message: `not JSON: ${(error as Error).message}` }
  }
  const type = typeof request === 'object' && request !== null ? (request as { type?: unknown }).type : undefined
  switch (type) {
    case 'shutdown':
      return 'shutdown'
    case 'hello':
      return { type: 'hello', protocol: PROTOCOL, implementation: implementation() }
    case 'build':
    case 'execute':
    case 'run_query':
      return handleClientRequest(request as Parameters<typeof handleClientRequest>[0])
    case 'validate':
      return { type: 'skip', id: idOf(request), reason: 'the client adapter serves the client suite; validators run in @compiled-sql/protocol' }
    default:
      return { type: 'error', id: idOf(request), message: `unknown request type ${JSON.stringify(type)}` }
  }
}
