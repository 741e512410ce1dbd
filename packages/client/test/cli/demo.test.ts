import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

describe("the README's main command (scripts/demo.mjs)", () => {
  it('sends the seed Kysely query through the client to the server-stub and prints the rows', async () => {
    const demo = join(import.meta.dirname, '../../../../scripts/demo.mjs')
    const { stdout } = await promisify(execFile)(process.execPath, [demo, '--once'], { env: { ...process.env, PORT: '0' }, timeout: 60_000 })
    const envelope = JSON.parse(stdout.slice(stdout.indexOf('{'), stdout.indexOf('\n}\n') + 2)) as { statement: { sql: string }; scope: { tables: unknown[] } }
    expect(envelope.statement.sql).toMatch(/ilike %\(p2\)s/)
    expect(envelope.scope.tables).toHaveLength(2)
    expect(stdout).toMatch(/← 2 row\(s\) from the server/)
    expect(stdout).toMatch(/'WBTC'/)
  })
})
