#!/usr/bin/env node
/**
 * `compiled-sql-server --config FILE [--port N] [--host H]`: serves a world
 * until SIGINT or SIGTERM. Prints one JSON line with the listening URL on
 * standard output, then the access log on standard error.
 */
import { parseArgs } from 'node:util'
import { startStubServer } from './start-stub-server.js'
import { WorldError } from './world/load-world.js'

const USAGE = 'usage: compiled-sql-server --config FILE [--port N] [--host 127.0.0.1]'

async function main(): Promise<void> {
  let values
  try {
    ;({ values } = parseArgs({
      options: { config: { type: 'string' }, port: { type: 'string', default: '8787' }, host: { type: 'string', default: '127.0.0.1' }, help: { type: 'boolean' } },
    }))
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    process.exit(64)
  }
  if (values.help === true) {
    console.log(USAGE)
    return
  }
  const port = Number(values.port)
  if (values.config === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(USAGE)
    process.exit(64)
  }
  try {
    const server = await startStubServer({ configFile: values.config, port, host: values.host })
    console.log(JSON.stringify({ listening: server.url }))
    const stop = () => void server.close().then(() => process.exit(0))
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  } catch (error) {
    console.error(error instanceof WorldError ? error.message : error)
    process.exit(error instanceof WorldError ? 65 : 70)
  }
}

await main()
