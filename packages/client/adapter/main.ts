#!/usr/bin/env node
/**
 * The conformance adapter of `@compiled-sql/client`: speaks the JSON-lines
 * adapter protocol (`compiled-sql.adapter.v1`) on stdin and stdout, so that
 * `compiled-sql-conformance client --adapter "node packages/client/dist/conformance-adapter.js"`
 * can drive the TypeScript client. Node only, like the CLI.
 */
import { createInterface } from 'node:readline'
import { answer } from './answer.js'

const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })
for await (const line of lines) {
  const response = await answer(line)
  if (response === 'shutdown') break
  process.stdout.write(`${JSON.stringify(response)}\n`)
}
lines.close()
