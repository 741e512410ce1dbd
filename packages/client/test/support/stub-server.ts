import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'

const require = createRequire(import.meta.url)
// The client never imports the server: it runs the server-stub's CLI, as any other client would.
const STUB_ROOT = dirname(require.resolve('@compiled-sql/server-stub/package.json'))
const DEMO_SEED = join(STUB_ROOT, 'worlds/demo/seed.sql')

/** The demo world's uids and tokens (packages/server-stub/worlds/demo), which the seed's examples use. */
export const DEMO = {
  dataSourceUid: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
  assetUid: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  accountUid: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  analystToken: 'demo-analyst-token-0001',
  viewerToken: 'demo-viewer-token-00001',
  /** A principal of the test world that may send 20 requests a minute: one more waits up to 3 s, long enough that a loaded machine still sees the refusal. */
  limitedToken: 'limited-token-000000001',
  /** Rows per select page in the test world. */
  pageCap: 2,
} as const

/** A server-stub child process serving the demo world with the test world's limits. */
export interface StubServer {
  readonly url: string
  stop(): Promise<void>
}

function testWorld(): object {
  const tables = [
    { uid: DEMO.assetUid, data_source_uid: DEMO.dataSourceUid, schema: 'public', table: 'asset', owner: 'analyst' },
    { uid: DEMO.accountUid, data_source_uid: DEMO.dataSourceUid, schema: 'public', table: 'account', owner: 'analyst' },
  ]
  return {
    data_sources: [
      { uid: DEMO.dataSourceUid, engine: 'pglite', capabilities: ['select', 'insert', 'update', 'delete', 'upsert'], seed: [DEMO_SEED] },
    ],
    meta_tables: tables,
    principals: [
      { id: 'analyst', tokens: [DEMO.analystToken] },
      { id: 'viewer', tokens: [DEMO.viewerToken] },
      { id: 'limited', tokens: [DEMO.limitedToken], rate_limit_per_minute: 20 },
    ],
    grants: [
      { principal: 'viewer', meta_table_uid: DEMO.assetUid, access: 'read' },
      { principal: 'limited', meta_table_uid: DEMO.assetUid, access: 'read' },
    ],
    limits: { page_cap: DEMO.pageCap, max_statement_timeout_ms: 2000 },
  }
}

function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000)
    })
    lines.once('line', (line) => {
      const { listening } = JSON.parse(line) as { listening?: string }
      if (typeof listening === 'string') resolve(listening)
      else reject(new Error(`unexpected first line from the server-stub: ${line}`))
    })
    child.once('exit', (code) => reject(new Error(`the server-stub exited with ${code} before listening:\n${stderr}`)))
  })
}

/** Starts the server-stub CLI on a free loopback port, on embedded PGlite, with a fresh copy of the demo data. */
export async function startStubServer(): Promise<StubServer> {
  const dir = mkdtempSync(join(tmpdir(), 'compiled-sql-client-'))
  const config = join(dir, 'world.json')
  writeFileSync(config, JSON.stringify(testWorld(), null, 2))
  const child = spawn(process.execPath, [join(STUB_ROOT, 'dist/cli.js'), '--config', config, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  const url = await waitForListening(child)
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
