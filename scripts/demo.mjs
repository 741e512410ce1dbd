#!/usr/bin/env node
// The main job (`npm start`): serves the demo world on embedded PGlite, then
// sends the seed's Asset/Account query, written with Kysely, through the
// TypeScript client to that server and prints what went over the wire and
// what came back. The server keeps serving until Ctrl-C; `--once` stops it
// after the example (for scripts and CI).
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { MetaTableClient, MetaTableRegistry } from '@compiled-sql/client'
import { fromKysely } from '@compiled-sql/client/kysely'
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const once = process.argv.includes('--once')
const port = process.env.PORT ?? '8787'
const DEMO = {
  dataSourceUid: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
  asset: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  account: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  token: 'demo-analyst-token-0001',
}

function startServer() {
  const server = spawn(
    process.execPath,
    [join(root, 'packages/server-stub/dist/cli.js'), '--config', join(root, 'packages/server-stub/worlds/demo/world.json'), '--port', port],
    { stdio: ['ignore', 'pipe', once ? 'ignore' : 'inherit'] },
  )
  return new Promise((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`the server-stub exited with ${code}; is port ${port} free? (PORT=… npm start)`)))
    createInterface({ input: server.stdout }).once('line', (line) => resolve({ server, url: JSON.parse(line).listening }))
  })
}

// Kysely compiles without a database connection: the SQL goes to the server, not to a driver.
const db = new Kysely({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (kysely) => new PostgresIntrospector(kysely),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
})

const { server, url } = await startServer()
try {
  const registry = new MetaTableRegistry({ 'public.asset': DEMO.asset, 'public.account': DEMO.account })
  const envelope = await fromKysely(
    db
      .selectFrom('public.asset as asset')
      .innerJoin('public.account as account', 'asset.account_uid', 'account.uid')
      .select(['asset.uid', 'asset.symbol'])
      .where('account.uid', '=', 'cccccccc-cccc-4ccc-8ccc-cccccccccccc')
      .where('asset.symbol', 'ilike', '%BTC%')
      .orderBy('asset.symbol'),
    { registry, dataSourceUid: DEMO.dataSourceUid },
  )
  console.log(`compiled-sql server-stub (demo world, embedded PGlite) at ${url}\n`)
  console.log('Kysely query → compiled-sql.v1 envelope:')
  console.log(JSON.stringify(envelope, null, 2))
  const result = await new MetaTableClient({ endpoint: url, token: DEMO.token }).executeOperation(envelope)
  console.log(`\n← ${result.row_count} row(s) from the server:`)
  console.table(result.rows)
} catch (error) {
  server.kill()
  throw error
}

if (once) {
  server.kill()
} else {
  console.log(`\nThe server keeps serving at ${url} (Ctrl-C to stop). Try:`)
  console.log(`  COMPILED_SQL_ENDPOINT=${url} COMPILED_SQL_TOKEN=${DEMO.token} npx compiled-sql meta-table run_query ${DEMO.asset} "SELECT symbol, as_of FROM public.asset ORDER BY symbol"`)
  const stop = () => server.kill('SIGTERM')
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
