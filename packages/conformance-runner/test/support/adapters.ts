import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from './fixtures.js'

/**
 * A throwaway Node adapter. `body` is the body of `onRequest(message, send)`,
 * called for every request line; `send(object)` writes one response line.
 * Returns the shell command that runs it.
 */
export function nodeAdapter(body: string): string {
  const file = join(tempDir('adapter-'), 'adapter.mjs')
  writeFileSync(
    file,
    `import { createInterface } from 'node:readline'
const send = (message) => process.stdout.write(JSON.stringify(message) + '\\n')
const implementation = { name: 'throwaway', version: '0.0.0', language: 'javascript' }
async function onRequest(message) {
${body}
}
for await (const line of createInterface({ input: process.stdin })) await onRequest(JSON.parse(line))
`,
  )
  return `"${process.execPath}" "${file}"`
}

/** The lines of a well-behaved adapter's hello and shutdown handling. */
export const HELLO_AND_SHUTDOWN = `
  if (message.type === 'hello') return send({ type: 'hello', protocol: 'compiled-sql.adapter.v1', implementation })
  if (message.type === 'shutdown') process.exit(0)
`
